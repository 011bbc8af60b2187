"""Self-filing (自助立案): ID card to printed receipt, with an element-style complaint, fee estimate and evidence."""
