import PartyGraph
