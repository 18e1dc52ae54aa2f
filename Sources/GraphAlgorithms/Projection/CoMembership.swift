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
    /// - Throws: ``GraphError/vertexOutOfRange(vertex:vertexCount:)`` for a member outside `0..<memberCount`;
    ///   ``GraphError/invalidParameter(name:value:reason:)`` for malformed offsets or a member listed twice in one group.
    /// - Complexity: O(n + G + Σ_g |g|² ) time for n members and G groups (each pair of a group is visited
    ///   twice); O(n + G + Σ_g |g| + pairs + Σ shared) memory.
    public init(memberCount: Int, groupOffsets: [Int], groupMembers: [Int32]) throws {
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
        var memberGroups = [Int32](repeating: 0, count: groupMembers.count)
        var cursor = memberOffsets
        for group in 0..<groupCount {
            for slot in groupOffsets[group]..<groupOffsets[group + 1] {
                let member = Int(groupMembers[slot])
                memberGroups[cursor[member]] = Int32(group)
                cursor[member] += 1
            }
        }
        groupCounts = (0..<memberCount).map { Int32(memberOffsets[$0 + 1] - memberOffsets[$0]) }

        // Upper triangle row by row (Gustavson): count the later members met through each group in a dense
        // accumulator, emit the touched members in order, then place each shared group at its pair's cursor.
        var first: [Int32] = [], second: [Int32] = []
        var sharedOffsets: [Int] = [0]
        var shared: [Int32] = []
        var upperCount = [Int](repeating: 0, count: memberCount)
        var lowerCount = [Int](repeating: 0, count: memberCount)
        var accumulated = [Int32](repeating: 0, count: memberCount)
        var place = [Int](repeating: 0, count: memberCount)
        var touched: [Int32] = []
        memberGroups.withUnsafeBufferPointer { memberGroups in
            groupMembers.withUnsafeBufferPointer { groupMembers in
                for u in 0..<memberCount {
                    touched.removeAll(keepingCapacity: true)
                    for groupSlot in memberOffsets[u]..<memberOffsets[u + 1] {
                        let group = Int(memberGroups[groupSlot])
                        for slot in groupOffsets[group]..<groupOffsets[group + 1] {
                            let v = groupMembers[slot]
                            guard Int(v) > u else { continue }
                            if accumulated[Int(v)] == 0 { touched.append(v) }
                            accumulated[Int(v)] += 1
                        }
                    }
                    guard !touched.isEmpty else { continue }
                    touched.sort()
                    upperCount[u] = touched.count
                    var next = shared.count
                    for v in touched {
                        first.append(Int32(u))
                        second.append(v)
                        place[Int(v)] = next
                        next += Int(accumulated[Int(v)])
                        sharedOffsets.append(next)
                        lowerCount[Int(v)] += 1
                    }
                    shared.append(contentsOf: repeatElement(0, count: next - shared.count))
                    for groupSlot in memberOffsets[u]..<memberOffsets[u + 1] {
                        let group = memberGroups[groupSlot]
                        for slot in groupOffsets[Int(group)]..<groupOffsets[Int(group) + 1] {
                            let v = Int(groupMembers[slot])
                            guard v > u else { continue }
                            shared[place[v]] = group
                            place[v] += 1
                        }
                    }
                    for v in touched { accumulated[Int(v)] = 0 }
                }
            }
        }
        pairFirst = first
        pairSecond = second
        self.sharedOffsets = sharedOffsets
        sharedGroups = shared

        // The symmetric CSR: row v holds its earlier neighbours (filled in ascending order of u, so sorted), then
        // its later ones (its upper row, already sorted).
        var offsets = [Int](repeating: 0, count: memberCount + 1)
        for v in 0..<memberCount { offsets[v + 1] = offsets[v] + lowerCount[v] + upperCount[v] }
        let slots = offsets[memberCount]
        var lowerCursor = offsets
        var upperCursor = (0..<memberCount).map { offsets[$0] + lowerCount[$0] }
        var targets = [Int32](repeating: 0, count: slots)
        var weights = [Double](repeating: 0, count: slots)
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
        // An edgeless projection is unweighted, as the Builder and bipartiteProjection give.
        let storedWeights: [Double]? = first.isEmpty ? nil : weights
        graph = CompressedGraph(
            isDirected: false, vertexCount: memberCount, edgeCount: first.count,
            outOffsets: offsets, outTargets: targets, outWeights: storedWeights,
            inOffsets: offsets, inSources: targets, inWeights: storedWeights)
    }
}
