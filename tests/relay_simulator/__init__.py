"""A relay that speaks the whole protocol on a loopback port, with faults on demand (for tests and by hand)."""

from tests.relay_simulator.server import Fault, RelaySimulator

__all__ = ["Fault", "RelaySimulator"]
