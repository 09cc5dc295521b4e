print("funnelcast-bench: not built yet")
