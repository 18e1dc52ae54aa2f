/// Who shares a group with whom: the projection of a membership list (groups of members) onto the members, with
/// the groups behind every projected edge.
///
/// Two members are joined when at least one group holds both; the edge weight is the number of groups they share
/// (the `networkx.bipartite.weighted_projected_graph` weight of the member–group graph, `B · Bᵀ` off the
/// diagonal). Unlike ``CompressedGraph/bipartiteProjection(onto:weighting:)`` it keeps each pair's shared groups,
/// so an answer can cite them, and it reads the groups directly instead of a bipartite graph.
///
/// Pairs are numbered `0..<pairCount` in row order: by first member, then second, with `first < second`.
/// Memory is O(members + groups + memberships + pairs + Σ shared groups); nothing is quadratic in the members.
public struct CoMembership: Sendable, Hashable {
    /// The undirected projection on `0..<memberCount`, weighted by shared groups; rows sorted by neighbour.
    public let graph: CompressedGraph
    /// The first member of each pair (the smaller id).
    public let pairFirst: [Int32]
    /// The second member of each pair (the larger id).
    public let pairSecond: [Int32]
    /// Where each pair's shared groups start in ``sharedGroups``; `pairCount + 1` entries.
    public let sharedOffsets: [Int]
    /// The shared groups of every pair, ascending within a pair.
    public let sharedGroups: [Int32]
    /// How many groups each member belongs to (the diagonal of `B · Bᵀ`).
    public let groupCounts: [Int32]

    /// The number of pairs that share at least one group.
    public var pairCount: Int { pairFirst.count }

    /// The groups pair `pair` shares, ascending.
    public func groups(ofPair pair: Int) -> ArraySlice<Int32> {
        sharedGroups[sharedOffsets[pair]..<sharedOffsets[pair + 1]]
    }

    /// The number of groups pair `pair` shares.
    public func strength(ofPair pair: Int) -> Int { sharedOffsets[pair + 1] - sharedOffsets[pair] }

    /// Projects groups onto their members.
    ///
    /// - Parameters:
    ///   - memberCount: members are `0..<memberCount`; a member in no group is an isolated vertex.
    ///   - groupOffsets: the members of group `g` are `groupMembers[groupOffsets[g]..<groupOffsets[g + 1]]`;
    ///     `groupCount + 1` non-decreasing entries starting at 0 and ending at `groupMembers.count`.
    ///   - groupMembers: the members of every group, each at most once per group.
    ///   - threads: workers for the rows (default: all cores); the result is the same for every count.
    /// - Throws: ``GraphError/vertexOutOfRange(vertex:vertexCount:)`` for a member outside `0..<memberCount`;
    ///   ``GraphError/invalidParameter(name:value:reason:)`` for malformed offsets, a member listed twice in one
    ///   group, or fewer than one thread.
    /// - Complexity: O(n + G + Σ_g |g|²) time for n members and G groups (each pair of a group is visited
    ///   twice); O(n + G + Σ_g |g| + pairs + Σ shared) memory.
    public init(memberCount: Int, groupOffsets: [Int], groupMembers: [Int32], threads: Int? = nil) throws {
        let threads = try Parallel.resolve(threads: threads)
        let groupCount = groupOffsets.count - 1
        guard groupCount >= 0, groupOffsets[0] == 0, groupOffsets[groupCount] == groupMembers.count else {
            throw GraphError.invalidParameter(
                name: "groupOffsets", value: "\(groupOffsets.count) offsets for \(groupMembers.count) members",
                reason: "offsets must start at 0 and end at the number of listed members")
        }
        // Member → groups (the transpose), groups ascending within a member because groups are read in order.
        var memberOffsets = [Int](repeating: 0, count: memberCount + 1)
        var stamp = [Int32](repeating: -1, count: memberCount)
        for group in 0..<groupCount {
            let start = groupOffsets[group], end = groupOffsets[group + 1]
            guard start <= end else {
                throw GraphError.invalidParameter(name: "groupOffsets", value: "\(start) > \(end) at group \(group)", reason: "offsets must not decrease")
            }
            for slot in start..<end {
                let member = groupMembers[slot]
                guard member >= 0, Int(member) < memberCount else {
                    throw GraphError.vertexOutOfRange(vertex: Int(member), vertexCount: memberCount)
                }
                guard stamp[Int(member)] != Int32(group) else {
                    throw GraphError.invalidParameter(name: "groupMembers", value: "member \(member) in group \(group)", reason: "a member is listed twice in one group")
                }
                stamp[Int(member)] = Int32(group)
                memberOffsets[Int(member) + 1] += 1
            }
        }
        for member in 0..<memberCount { memberOffsets[member + 1] += memberOffsets[member] }
        // Each group's members ascending, so that a row visits only the members after its own in each group.
        var sortedMembers = groupMembers
        var memberGroups = [Int32](repeating: 0, count: groupMembers.count)
        var memberSlots = [Int](repeating: 0, count: groupMembers.count)
        var cursor = memberOffsets
        sortedMembers.withUnsafeMutableBufferPointer { sorted in
            memberGroups.withUnsafeMutableBufferPointer { memberGroups in
                memberSlots.withUnsafeMutableBufferPointer { memberSlots in
                    cursor.withUnsafeMutableBufferPointer { cursor in
                        for group in 0..<groupCount {
                            let start = groupOffsets[group], end = groupOffsets[group + 1]
                            sortAscending(sorted, start..<end)
                            for slot in start..<end {
                                let member = Int(sorted[slot])
                                memberGroups[cursor[member]] = Int32(group)
                                memberSlots[cursor[member]] = slot
                                cursor[member] += 1
                            }
                        }
                    }
                }
            }
        }
        groupCounts = (0..<memberCount).map { Int32(memberOffsets[$0 + 1] - memberOffsets[$0]) }

        // Rows cut into contiguous chunks of about equal work (Σ group sizes over a row's groups), computed on
        // the workers and joined in row order, so the pairs are the same for any number of threads.
        let chunks = Self.chunks(memberCount: memberCount, memberOffsets: memberOffsets, memberGroups: memberGroups,
                                 groupOffsets: groupOffsets, count: threads == 1 ? 1 : 4 * threads)
        var blocks = [UpperRows](repeating: UpperRows(), count: chunks.count)
        let input = UncheckedSendable((memberOffsets, memberGroups, memberSlots, groupOffsets, sortedMembers))
        blocks.withUnsafeMutableBufferPointer { blocks in
            let output = UncheckedSendable(blocks)
            Parallel.forEachBlock(count: chunks.count, threads: threads, blockSize: 1, makeWorker: { _ in
                RowScratch(memberCount: memberCount)
            }, body: { scratch, items in
                for chunk in items {
                    // Each chunk writes only its own slot of `blocks`.
                    output.value[chunk] = UpperRows(
                        rows: chunks[chunk], memberOffsets: input.value.0, memberGroups: input.value.1,
                        memberSlots: input.value.2, groupOffsets: input.value.3, sortedMembers: input.value.4, scratch: scratch)
                }
            })
        }
        var first: [Int32] = [], second: [Int32] = [], sharedOffsets: [Int] = [0], shared: [Int32] = []
        let pairTotal = blocks.reduce(0) { $0 + $1.first.count }
        first.reserveCapacity(pairTotal)
        second.reserveCapacity(pairTotal)
        sharedOffsets.reserveCapacity(pairTotal + 1)
        shared.reserveCapacity(blocks.reduce(0) { $0 + $1.shared.count })
        for block in blocks {
            first.append(contentsOf: block.first)
            second.append(contentsOf: block.second)
            let base = shared.count
            for end in block.sharedEnds { sharedOffsets.append(base + end) }
            shared.append(contentsOf: block.shared)
        }
        blocks = []
        pairFirst = first
        pairSecond = second
        self.sharedOffsets = sharedOffsets
        sharedGroups = shared

        // The symmetric CSR: row v holds its earlier neighbours (filled in ascending order of u, so sorted), then
        // its later ones (its upper row, already sorted).
        var lowerCount = [Int](repeating: 0, count: memberCount)
        var upperCount = [Int](repeating: 0, count: memberCount)
        for pair in first.indices {
            upperCount[Int(first[pair])] += 1
            lowerCount[Int(second[pair])] += 1
        }
        var offsets = [Int](repeating: 0, count: memberCount + 1)
        for v in 0..<memberCount { offsets[v + 1] = offsets[v] + lowerCount[v] + upperCount[v] }
        let slots = offsets[memberCount]
        var lowerCursor = offsets
        var upperCursor = (0..<memberCount).map { offsets[$0] + lowerCount[$0] }
        // Every slot is written exactly once below (row v gets lowerCount[v] + upperCount[v] entries), so the
        // arrays are not zero-filled first.
        var weights: [Double] = []
        let targets = [Int32](unsafeUninitializedCapacity: slots) { targets, targetCount in
            weights = [Double](unsafeUninitializedCapacity: slots) { weights, weightCount in
                lowerCursor.withUnsafeMutableBufferPointer { lowerCursor in
                upperCursor.withUnsafeMutableBufferPointer { upperCursor in
                first.withUnsafeBufferPointer { first in
                second.withUnsafeBufferPointer { second in
                sharedOffsets.withUnsafeBufferPointer { sharedOffsets in
                    for pair in first.indices {
                        let u = Int(first[pair]), v = Int(second[pair])
                        let weight = Double(sharedOffsets[pair + 1] - sharedOffsets[pair])
                        targets[upperCursor[u]] = Int32(v)
                        weights[upperCursor[u]] = weight
                        upperCursor[u] += 1
                        targets[lowerCursor[v]] = Int32(u)
                        weights[lowerCursor[v]] = weight
                        lowerCursor[v] += 1
                    }
                }
                }
                }
                }
                }
                weightCount = slots
            }
            targetCount = slots
        }
        // An edgeless projection is unweighted, as the Builder and bipartiteProjection give.
        let storedWeights: [Double]? = first.isEmpty ? nil : weights
        graph = CompressedGraph(
            isDirected: false, vertexCount: memberCount, edgeCount: first.count,
            outOffsets: offsets, outTargets: targets, outWeights: storedWeights,
            inOffsets: offsets, inSources: targets, inWeights: storedWeights)
    }

    /// Contiguous row ranges of about equal work, at most `count` of them.
    private static func chunks(memberCount: Int, memberOffsets: [Int], memberGroups: [Int32], groupOffsets: [Int], count: Int) -> [Range<Int>] {
        guard count > 1, memberCount > 0 else { return [0..<memberCount] }
        var work = [Int](repeating: 0, count: memberCount)
        var total = 0
        for u in 0..<memberCount {
            var w = 1
            for slot in memberOffsets[u]..<memberOffsets[u + 1] {
                let group = Int(memberGroups[slot])
                w += groupOffsets[group + 1] - groupOffsets[group]
            }
            work[u] = w
            total += w
        }
        var ranges: [Range<Int>] = []
        var start = 0, done = 0
        for u in 0..<memberCount {
            done += work[u]
            if done * count >= total * (ranges.count + 1) || u == memberCount - 1 {
                ranges.append(start..<(u + 1))
                start = u + 1
            }
        }
        return ranges
    }
}

/// Sorts `buffer[range]` ascending: insertion sort for the short runs of groups and rows, the standard sort else.
private func sortAscending(_ buffer: UnsafeMutableBufferPointer<Int32>, _ range: Range<Int>) {
    guard range.count > 1 else { return }
    guard range.count <= 24 else {
        var slice = UnsafeMutableBufferPointer(rebasing: buffer[range])
        slice.sort()
        return
    }
    for index in (range.lowerBound + 1)..<range.upperBound {
        let value = buffer[index]
        var hole = index
        while hole > range.lowerBound && buffer[hole - 1] > value {
            buffer[hole] = buffer[hole - 1]
            hole -= 1
        }
        buffer[hole] = value
    }
}

/// The dense per-row state of one worker: counts of the later members met, where each pair's next shared group
/// goes, and the members touched in the current row.
private final class RowScratch {
    var accumulated: [Int32]
    var place: [Int]
    var touched: [Int32] = []

    init(memberCount: Int) {
        accumulated = [Int32](repeating: 0, count: memberCount)
        place = [Int](repeating: 0, count: memberCount)
    }
}

/// The upper-triangle pairs of a range of rows, with their shared groups.
private struct UpperRows {
    var first: [Int32] = []
    var second: [Int32] = []
    /// The end of each pair's groups in ``shared``, relative to this block.
    var sharedEnds: [Int] = []
    var shared: [Int32] = []

    init() {}

    /// Row by row (Gustavson): counts the later members met through each group in a dense accumulator, emits the
    /// touched members in order, then places each shared group at its pair's cursor. `memberSlots` gives the
    /// position of a membership in `sortedMembers`, so only the members after it in its group are read.
    init(rows: Range<Int>, memberOffsets: [Int], memberGroups: [Int32], memberSlots: [Int], groupOffsets: [Int],
         sortedMembers: [Int32], scratch: RowScratch) {
        memberOffsets.withUnsafeBufferPointer { memberOffsets in
        memberGroups.withUnsafeBufferPointer { memberGroups in
        memberSlots.withUnsafeBufferPointer { memberSlots in
        groupOffsets.withUnsafeBufferPointer { groupOffsets in
        sortedMembers.withUnsafeBufferPointer { sortedMembers in
        scratch.accumulated.withUnsafeMutableBufferPointer { accumulated in
        scratch.place.withUnsafeMutableBufferPointer { place in
            for u in rows {
                scratch.touched.removeAll(keepingCapacity: true)
                for membership in memberOffsets[u]..<memberOffsets[u + 1] {
                    let end = groupOffsets[Int(memberGroups[membership]) + 1]
                    for slot in (memberSlots[membership] + 1)..<end {
                        let v = sortedMembers[slot]
                        if accumulated[Int(v)] == 0 { scratch.touched.append(v) }
                        accumulated[Int(v)] &+= 1
                    }
                }
                guard !scratch.touched.isEmpty else { continue }
                scratch.touched.withUnsafeMutableBufferPointer { sortAscending($0, $0.indices) }
                var next = shared.count
                for v in scratch.touched {
                    first.append(Int32(u))
                    second.append(v)
                    place[Int(v)] = next
                    next += Int(accumulated[Int(v)])
                    sharedEnds.append(next)
                    accumulated[Int(v)] = 0
                }
                shared.append(contentsOf: repeatElement(0, count: next - shared.count))
                shared.withUnsafeMutableBufferPointer { shared in
                    for membership in memberOffsets[u]..<memberOffsets[u + 1] {
                        let group = memberGroups[membership]
                        for slot in (memberSlots[membership] + 1)..<groupOffsets[Int(group) + 1] {
                            let v = Int(sortedMembers[slot])
                            shared[place[v]] = group
                            place[v] &+= 1
                        }
                    }
                }
            }
        }
        }
        }
        }
        }
        }
        }
    }
}
