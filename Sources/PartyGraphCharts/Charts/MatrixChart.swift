import Foundation
import PartyGraph

extension Dataset {
    /// A heatmap of the co-meeting matrix (`coMeetingMatrix(level:filter:gridLimit:)`): cell (i, j) is the number
    /// of meetings actors i and j share, the diagonal (grey) the meetings of the actor, with a colour-scale legend.
    ///
    /// Rows and columns are in greedy seriation order (see `seriation(_:labels:)`), so actors that meet each
    /// other sit side by side and clusters show as blocks.
    /// - Parameter level: the level actors are compared at.
    /// - Parameter filter: the meetings counted.
    /// - Parameter manifest: opaque JSON text kept in the SVG `<metadata>` and the PDF keywords.
    public func coMeetingChart(level: EncounterLevel = .party, filter: QueryFilter = .all, manifest: String? = nil) -> Chart {
        let matrix = coMeetingMatrix(level: level, filter: filter, gridLimit: Int.max)
        let counts = matrix.counts ?? []
        let order = Dataset.seriation(counts, labels: matrix.actors.map(\.label))
        let actors = order.map { matrix.actors[$0] }
        let n = actors.count
        let cell = n > 30 ? 14.0 : 34.0, left = 250.0, top = SVGWriter.headerHeight + 16
        // Column labels run down-left at 45°: about 0.72 × 6 px per character of the longest label.
        let labelDrop = 0.72 * 6.0 * Double(actors.map(\.label.count).max() ?? 0) + 10
        let maxCount = max(1, counts.indices.flatMap { i in counts.indices.filter { $0 != i }.map { counts[i][$0] } }.max() ?? 1)
        let width = max(760, left + Double(n) * cell + 40), height = top + Double(n) * cell + labelDrop + 60
        var svg = SVGWriter(width: width, height: height)
        func colour(_ value: Int) -> String {
            // White to dark blue, linear in the count.
            let t = Double(value) / Double(maxCount)
            let r = Int(255 - t * (255 - 8)), g = Int(255 - t * (255 - 48)), b = Int(255 - t * (255 - 107))
            return String(format: "#%02x%02x%02x", r, g, b)
        }
        if n == 0 { svg.text("No meetings found.", x: 16, y: top, size: 13) }
        for (row, actor) in actors.enumerated() {
            let y = top + Double(row) * cell
            svg.text(actor.label, x: left - 8, y: y + cell / 2 + 4, size: 12, anchor: "end")
            svg.text(actor.label, x: left + Double(row) * cell + cell / 2 + 4, y: top + Double(n) * cell + 8, size: 12, anchor: "end", rotate: -45)
            for (column, other) in actors.enumerated() {
                let value = counts[order[row]][order[column]]
                let x = left + Double(column) * cell
                let diagonal = row == column
                let tooltip = diagonal ? "\(actor.label): \(value) meeting\(value == 1 ? "" : "s")"
                    : "\(actor.label) and \(other.label): \(value) shared meeting\(value == 1 ? "" : "s")"
                svg.raw("<g class=\"cell\">")
                svg.rect(x, y, cell, cell, fill: diagonal ? "#d9d9d9" : colour(value), stroke: "#ffffff", title: tooltip)
                if cell >= 30 && (value > 0 || diagonal) {
                    svg.text(String(value), x: x + cell / 2, y: y + cell / 2 + 4, size: 11, anchor: "middle",
                             fill: !diagonal && Double(value) > Double(maxCount) * 0.55 ? "#ffffff" : "#222")
                }
                svg.raw("</g>")
            }
        }
        // Colour scale: 0 to the largest off-diagonal count, and the diagonal's grey.
        let legendY = height - 40, steps = min(maxCount, 10)
        svg.text("shared meetings", x: 16, y: legendY + 12, size: 12)
        for step in 0...steps {
            let value = Int((Double(step) / Double(steps) * Double(maxCount)).rounded())
            svg.rect(130 + Double(step) * 26, legendY, 26, 16, fill: colour(value), stroke: "#999")
            svg.text(String(value), x: 143 + Double(step) * 26, y: legendY + 30, size: 10, anchor: "middle")
        }
        let greyX = 150 + Double(steps + 1) * 26
        svg.rect(greyX, legendY, 26, 16, fill: "#d9d9d9", stroke: "#999")
        svg.text("diagonal: the actor's own meetings", x: greyX + 32, y: legendY + 12, size: 12)

        let sources = self.sources
        let plural: [EncounterLevel: String] = [.person: "persons", .organ: "organs", .party: "parties", .country: "countries"]
        let heading = "Who meets whom: meetings shared among \(plural[level] ?? level.rawValue)"
        let title = "\(heading) — \(self.title)"
        let subtitle = "\(Caption.window(matrix.filter)); order: greedy seriation. \(Caption.sources(sources))"
        return Chart(title: title, subtitle: subtitle, width: width, height: height, manifest: manifest,
                     svg: svg.document(title: title, heading: heading, lines: [self.title, subtitle], manifest: manifest))
    }

    /// A deterministic greedy seriation of a symmetric count matrix: start with the actor sharing the most meetings
    /// (ties: label, then index), then repeatedly append the unplaced actor sharing the most with the last placed
    /// (ties: more shared in all, then label, then index). Neighbours in the order meet, so clusters come out as
    /// blocks along the diagonal; an actor meeting no one left follows by total.
    /// - Returns: indices into `counts` in drawing order.
    static func seriation(_ counts: [[Int]], labels: [String]) -> [Int] {
        let n = counts.count
        let totals = (0..<n).map { i in (0..<n).filter { $0 != i }.reduce(0) { $0 + counts[i][$1] } }
        func before(_ a: Int, _ b: Int, key: (Int) -> Int) -> Bool {
            if key(a) != key(b) { return key(a) > key(b) }
            if totals[a] != totals[b] { return totals[a] > totals[b] }
            return labels[a] != labels[b] ? labels[a] < labels[b] : a < b
        }
        var left = Set(0..<n), order: [Int] = []
        while !left.isEmpty {
            let last = order.last
            let next = left.min { before($0, $1) { candidate in last.map { counts[$0][candidate] } ?? totals[candidate] } }!
            order.append(next)
            left.remove(next)
        }
        return order
    }
}
