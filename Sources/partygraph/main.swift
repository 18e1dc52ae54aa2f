print("partygraph")
