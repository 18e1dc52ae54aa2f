import PartyGraph
internal import CGraphviz
