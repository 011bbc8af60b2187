"""The court's systems: the contract, the gateways (embedded demo court, HTTP client), the outbox."""
