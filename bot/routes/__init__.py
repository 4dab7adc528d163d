"""HTTP routes, one module per feature; each exposes `build_*_router(services)`."""
