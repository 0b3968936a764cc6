"""Store, resolution, search and analytics over the praxisgraph knowledge graph."""
