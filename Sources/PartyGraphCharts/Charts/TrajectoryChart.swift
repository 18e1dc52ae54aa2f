import Foundation
import PartyGraph

extension Dataset {
    /// A line chart of a centrality trajectory (`centralityTrajectory(_:)`): periods across, the measure up, one
    /// line per actor with a legend. The actors drawn are those among the `top` of any slice when the query has
    /// `top` (default 8), ranked by their best rank then name; a period where an actor is absent has no point
    /// (the line breaks there rather than inventing a zero).
    /// - Parameter query: projection, measure, window and slicing, as for `centralityTrajectory(_:)`; its `top` picks the lines.
    /// - Parameter manifest: opaque JSON text kept in the SVG `<metadata>` and the PDF keywords.
    /// - Throws: what `centralityTrajectory(_:)` throws.
    public func trajectoryChart(_ query: TrajectoryQuery, manifest: String? = nil) throws(PartyGraphError) -> Chart {
        var asked = query
        let top = query.top ?? 8
        asked.top = nil
        let trajectory = try centralityTrajectory(asked)
        // Actors: best rank in any slice within top, then name, then id.
        var best: [String: (rank: Int, name: String)] = [:]
        for slice in trajectory.slices {
            for score in slice.scores where score.rank <= top {
                if best[score.id].map({ score.rank < $0.rank }) ?? true { best[score.id] = (score.rank, score.name) }
            }
        }
        let actors = best.keys.sorted { a, b in
            let l = best[a]!, r = best[b]!
            return l.rank != r.rank ? l.rank < r.rank : (l.name != r.name ? l.name < r.name : a < b)
        }
        let values = trajectory.slices.flatMap { $0.scores.filter { best[$0.id] != nil }.map(\.value) }
        let step = SVGWriter.niceStep(max(values.max() ?? 1, 1e-12))
        let steps = Int(((values.max() ?? 1) / step).rounded(.up)).clamped(1, 10)
        let maxValue = step * Double(steps)
        let width = 1000.0, left = 80.0, right = 300.0, top_ = SVGWriter.headerHeight + 16, plotHeight = 380.0
        let height = top_ + plotHeight + 70
        let plotWidth = width - left - right
        var svg = SVGWriter(width: width, height: height)
        let count = trajectory.slices.count
        func x(_ index: Int) -> Double { left + (count <= 1 ? plotWidth / 2 : plotWidth * Double(index) / Double(count - 1)) }
        func y(_ value: Double) -> Double { top_ + plotHeight - plotHeight * value / maxValue }
        // Axes, value gridlines (five steps) and period ticks.
        for index in 0...steps {
            let value = step * Double(index), gy = y(value)
            svg.line(left, gy, left + plotWidth, gy, stroke: index == 0 ? "#888" : "#e4e4e4")
            svg.text(String(format: "%.3g", value), x: left - 8, y: gy + 4, size: 11, anchor: "end", fill: "#444")
        }
        for (index, slice) in trajectory.slices.enumerated() {
            svg.line(x(index), top_, x(index), top_ + plotHeight, stroke: "#f0f0f0")
            svg.text(slice.period.label, x: x(index), y: top_ + plotHeight + 18, size: 11, anchor: "middle", fill: "#444")
        }
        let measure = trajectory.parameters?.measure.rawValue ?? query.parameters.measure.rawValue
        svg.text(measure, x: 18, y: top_ + plotHeight / 2, size: 12, anchor: "middle", rotate: -90)
        if actors.isEmpty { svg.text("No actors in any period.", x: left + 20, y: top_ + 30, size: 13) }
        for (index, id) in actors.enumerated() {
            let colour = SVGWriter.palette[index % SVGWriter.palette.count]
            let dash = index >= SVGWriter.palette.count ? " stroke-dasharray=\"6 3\"" : ""
            var runs: [[(Int, Double)]] = [[]]
            for (sliceIndex, slice) in trajectory.slices.enumerated() {
                if let score = slice.scores.first(where: { $0.id == id }) { runs[runs.count - 1].append((sliceIndex, score.value)) }
                else if !runs[runs.count - 1].isEmpty { runs.append([]) }
            }
            svg.raw("<g class=\"series\" data-actor=\"\(SVGWriter.escaped(id))\">")
            for run in runs where run.count > 1 {
                let points = run.map { "\(SVGWriter.number(x($0.0))),\(SVGWriter.number(y($0.1)))" }.joined(separator: " ")
                svg.raw("<polyline points=\"\(points)\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"2\"\(dash)/>")
            }
            for point in runs.joined() {
                let slice = trajectory.slices[point.0]
                let score = slice.scores.first { $0.id == id }!
                let tip = "\(best[id]!.name), \(slice.period.label): \(measure) \(String(format: "%.4g", point.1)), rank \(score.rank)"
                    + (score.inferred == true ? " (rests partly on an inferred holding)" : "")
                svg.raw("<circle class=\"point\" cx=\"\(SVGWriter.number(x(point.0)))\" cy=\"\(SVGWriter.number(y(point.1)))\" r=\"3.5\" fill=\"\(colour)\"><title>\(SVGWriter.escaped(tip))</title></circle>")
            }
            svg.raw("</g>")
            let ly = top_ + 10 + Double(index) * 22
            svg.raw("<line class=\"legend-entry\" x1=\"\(SVGWriter.number(width - right + 20))\" y1=\"\(SVGWriter.number(ly))\" x2=\"\(SVGWriter.number(width - right + 48))\" y2=\"\(SVGWriter.number(ly))\" stroke=\"\(colour)\" stroke-width=\"3\"\(dash)/>")
            svg.text(best[id]!.name, x: width - right + 56, y: ly + 4, size: 12)
        }
        let slicing = trajectory.window.map { "sliding \($0) window per \(trajectory.unit.rawValue)" } ?? "each \(trajectory.unit.rawValue) alone"
        let measureName = ["pagerank": "PageRank", "hits": "HITS authority", "katz": "Katz"][measure] ?? measure.prefix(1).uppercased() + measure.dropFirst()
        let heading = "\(measureName) centrality by \(trajectory.unit.rawValue), who meets whom among \(trajectory.projection.rawValue)"
        let title = "\(heading) — \(self.title)"
        let subtitle = "\(slicing); \(Caption.window(trajectory.filter)); top \(top) of any period. \(Caption.sources(sources))"
        return Chart(title: title, subtitle: subtitle, width: width, height: height, manifest: manifest,
                     svg: svg.document(title: title, heading: heading, lines: [self.title, subtitle], manifest: manifest))
    }
}

extension Int {
    func clamped(_ low: Int, _ high: Int) -> Int { Swift.min(Swift.max(self, low), high) }
}
