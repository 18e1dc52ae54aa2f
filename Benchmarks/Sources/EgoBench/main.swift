// EgoBench: the cost of `render ego --depth 1` apart from the load, on datasets of different sizes.
//
//   cd Benchmarks && swift run -c release EgoBench data/ego-small.json data/ego-large.json
//
// For each dataset: the load time; the centre (of the first 3,000 persons in file order, the first whose depth-1
// view has the number of nodes nearest 52, the view of issue 15); the median time of resolving its id and building the view (DiagramViews.ego); and the median time of
// laying it out and drawing it as SVG in-process. The view's time should be the same on every size
// (Benchmarks/SCALE.md has the figures).

import Foundation
import PartyGraph
import PartyGraphDiagrams

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }

let paths = CommandLine.arguments.dropFirst()
guard !paths.isEmpty else {
    print("usage: EgoBench DATASET.json...")
    exit(64)
}
print("| dataset | nodes | relationships | load | centre | view nodes | resolve + build view (median of 9) | layout + SVG (median of 3) |")
print("|---|---:|---:|---:|---|---:|---:|---:|")
for path in paths {
    do {
        var loaded: Dataset?
        let load = try seconds { loaded = try DatasetLoader.load(path: path) }
        let dataset = loaded!
        var centre: NodeID?
        var diagram: Diagram?
        for entity in dataset.entities.lazy.filter({ $0.kind == .person }).prefix(3_000) {
            let view = try DiagramViews.ego(dataset: dataset, center: entity.id, depth: 1)
            if diagram.map({ abs(view.nodes.count - 52) < abs($0.nodes.count - 52) }) ?? true { centre = entity.id; diagram = view }
            if view.nodes.count == 52 { break }
        }
        guard let centre, let diagram else { print("| \(path) | no person |"); continue }
        var builds: [Double] = []
        for _ in 0..<9 {
            builds.append(try seconds {
                let id = try NameResolver(dataset: dataset).resolve(centre.rawValue).id
                _ = try DiagramViews.ego(dataset: dataset, center: id, depth: 1)
            })
        }
        let renderer = GraphvizRenderer()
        var renders: [Double] = []
        for _ in 0..<3 { renders.append(try seconds { _ = try renderer.render(diagram, layout: .dot, format: .svg) }) }
        let name = URL(fileURLWithPath: path).lastPathComponent
        print(String(format: "| %@ | %d | %d | %.2f s | %@ | %d | %.2f ms | %.0f ms |", name, dataset.entities.count,
                     dataset.relationships.count, load, centre.rawValue, diagram.nodes.count, median(builds) * 1000,
                     median(renders) * 1000))
    } catch {
        print("EgoBench: \(path): \(error)")
        exit(1)
    }
}
