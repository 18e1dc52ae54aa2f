extension Diagram {
    /// Checks that the diagram is consistent, so that it can be rendered.
    ///
    /// - Throws: ``DiagramError/invalidDiagram(reason:)`` naming the first
    ///   problem: a duplicate node or cluster id, an edge or cluster naming a
    ///   node that is not in ``nodes``, or a node listed in two clusters
    ///   neither of which contains the other.
    /// - Complexity: O(*n* + *e* + *c*·*d*) for *n* nodes, *e* edges and
    ///   *c* cluster memberships at nesting depth up to *d*.
    public func validate() throws(DiagramError) {
        _ = try nodeIndexByID()
    }

    /// Validates the diagram and returns the index in ``nodes`` of each node id.
    func nodeIndexByID() throws(DiagramError) -> [String: Int] {
        var index: [String: Int] = [:]
        index.reserveCapacity(nodes.count)
        for (position, node) in nodes.enumerated() {
            if let first = index.updateValue(position, forKey: node.id) {
                throw .invalidDiagram(reason: "node id \"\(node.id)\" is used by nodes \(first) and \(position); node ids must be unique.")
            }
        }
        for (position, edge) in edges.enumerated() {
            for end in [edge.from, edge.to] where index[end] == nil {
                throw .invalidDiagram(reason: "edge \(position) (\"\(edge.from)\" → \"\(edge.to)\") names node \"\(end)\", which is not in the diagram.")
            }
        }
        // The chain of cluster ids from the top down to the cluster listing each node.
        var clusterPathOfNode: [String: [String]] = [:]
        var seenClusters: Set<String> = []
        func visit(_ cluster: DiagramCluster, path: [String]) throws(DiagramError) {
            guard seenClusters.insert(cluster.id).inserted else {
                throw .invalidDiagram(reason: "cluster id \"\(cluster.id)\" is used twice; cluster ids must be unique.")
            }
            let path = path + [cluster.id]
            for nodeID in cluster.nodeIDs {
                guard index[nodeID] != nil else {
                    throw .invalidDiagram(reason: "cluster \"\(cluster.id)\" lists node \"\(nodeID)\", which is not in the diagram.")
                }
                if let other = clusterPathOfNode[nodeID] {
                    // Fine when one cluster encloses the other: keep the deeper one.
                    if other.starts(with: path) { continue }
                    if path.starts(with: other) { clusterPathOfNode[nodeID] = path; continue }
                    throw .invalidDiagram(reason: "node \"\(nodeID)\" is in clusters \"\(other.last!)\" and \"\(cluster.id)\"; a node can only be in clusters that nest.")
                }
                clusterPathOfNode[nodeID] = path
            }
            for subcluster in cluster.subclusters {
                try visit(subcluster, path: path)
            }
        }
        for cluster in clusters {
            try visit(cluster, path: [])
        }
        return index
    }
}
