// Convening power: which actor hosted or convened meetings with the most distinct parties, and how many
// meetings each pair of parties shares. Uses only PartyGraph's public API.
//
//     swift run convening-power [DATASET.json]
//
// Without an argument the bundled dataset is used (found as `partygraph` finds it).
import Foundation
import PartyGraph

struct Tally {
    var actor: ActorRef
    var ways: Set<Convener.How> = []
    var meetings: Set<NodeID> = []
    var parties: [NodeID: String] = [:]
}

func run() throws(PartyGraphError) {
    let arguments = CommandLine.arguments.dropFirst()
    guard arguments.count <= 1, arguments.first.map({ !$0.hasPrefix("-") }) ?? true else {
        FileHandle.standardError.write(Data("usage: convening-power [DATASET.json]\n".utf8))
        exit(64)
    }
    let path: String
    if let given = arguments.first { path = given } else { path = try BundledDataset.locate().get() }
    let dataset = try DatasetLoader.load(path: path)

    var tallies: [NodeID: Tally] = [:]
    for listing in try dataset.meetings().meetings {
        let parties = try dataset.attendees(of: listing.meeting.id, level: .party)
        for convener in listing.conveners {
            let own = Set(dataset.levelActors(of: convener.actor.id, level: .party).map(\.id))
            var tally = tallies[convener.actor.id] ?? Tally(actor: convener.actor)
            tally.ways.insert(convener.how)
            tally.meetings.insert(listing.meeting.id)
            for party in parties where !own.contains(party.id) { tally.parties[party.id] = party.name }
            tallies[convener.actor.id] = tally
        }
    }
    let ranking = tallies.values.sorted { lhs, rhs in
        if lhs.parties.count != rhs.parties.count { return lhs.parties.count > rhs.parties.count }
        if lhs.meetings.count != rhs.meetings.count { return lhs.meetings.count > rhs.meetings.count }
        return lhs.actor.name < rhs.actor.name
    }

    print("Convening power — \(dataset.title)")
    print("")
    print("convener | as | meetings convened | distinct parties met | parties")
    for tally in ranking {
        let parties = tally.parties.values.sorted().joined(separator: "; ")
        print("\(tally.actor.name) | \(tally.ways.map(\.rawValue).sorted().joined(separator: ", ")) | \(tally.meetings.count) | \(tally.parties.count) | \(parties)")
    }
    if let top = ranking.first {
        print("")
        print("Most distinct parties convened: \(top.actor.name) (\(top.parties.count) parties, \(top.meetings.count) meetings)")
    }

    let matrix = dataset.coMeetingMatrix(level: .party)
    print("")
    print("Meetings per pair of parties:")
    if matrix.pairs.isEmpty { print("(no two parties share a meeting)") }
    for pair in matrix.pairs {
        print("\(pair.first.name) – \(pair.second.name): \(pair.count)")
    }
}

do {
    try run()
} catch {
    FileHandle.standardError.write(Data("error: \(error)\n".utf8))
    exit(error.isDataError ? 65 : 64)
}
