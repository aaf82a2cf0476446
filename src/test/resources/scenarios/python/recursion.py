"""Unbounded recursion: a tree walk over a structure that points back at itself."""


def depth(node):
    return 1 + max([depth(child) for child in node["children"]] or [0])


root = {"name": "root", "children": []}
root["children"].append(root)
print(depth(root))
