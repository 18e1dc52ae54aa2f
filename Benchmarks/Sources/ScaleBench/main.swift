// ScaleBench: how fast a large dataset loads and how fast encounter queries answer once it has.
//
//     swift build -c release --package-path Benchmarks
//     Benchmarks/.build/release/ScaleBench [FILE] [--samples N] [--write-attendance EDGELIST] [--load-only] [--time-axis-only]
//
// FILE defaults to Benchmarks/data/scale.json (made by Benchmarks/generate_dataset.py). Reports:
// - load: from process start (the kernel's start time of this process) to the validated, indexed Dataset,
//   and the part of it spent inside DatasetLoader.load;
// - peak memory: VmHWM from /proc/self/status after load and after the queries;
// - who-met: median / p90 / max latency of Dataset.encounters(of:) over N persons, and for the most active person;
//   one person at organ, party and country level; 25 parties at party level; 10 countries at country level;
// - co-meeting matrix: latency of Dataset.coMeetingMatrix at party level (median of three runs), then organ and country;
// - time axis: Dataset.timeline of the busiest party by year (median of 3) and a yearly PageRank trajectory of the
//   parties projection (tumbling, then a sliding 2-year window); --time-axis-only stops after it.
import Foundation
import PartyGraph

#if canImport(Glibc)
import Glibc
#endif

let mainEntered = ContinuousClock.now
let startupSeconds = secondsSinceProcessStart()

/// Seconds since the kernel started this process (`/proc/self/stat` field 22 against `/proc/uptime`), 10 ms resolution.
func secondsSinceProcessStart() -> Double? {
    guard let stat = try? String(contentsOfFile: "/proc/self/stat", encoding: .utf8),
          let uptime = try? String(contentsOfFile: "/proc/uptime", encoding: .utf8),
          let close = stat.lastIndex(of: ")") else { return nil }
    // Fields after the command name start at field 3; starttime is field 22.
    let fields = stat[stat.index(after: close)...].split(separator: " ")
    guard fields.count > 19, let ticks = Double(fields[19]), let now = Double(uptime.split(separator: " ")[0]) else { return nil }
    return now - ticks / Double(sysconf(Int32(_SC_CLK_TCK)))
}

/// A field of /proc/self/status in MiB (`VmHWM`, `VmRSS`).
func statusMiB(_ field: String) -> Double? {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
    for line in status.split(separator: "\n") where line.hasPrefix(field + ":") {
        let parts = line.split(separator: " ", omittingEmptySubsequences: true)
        if parts.count >= 2, let kib = Double(parts[1]) { return kib / 1024 }
    }
    return nil
}

func seconds(_ duration: Duration) -> Double {
    let parts = duration.components
    return Double(parts.seconds) + Double(parts.attoseconds) * 1e-18
}

func milliseconds(_ duration: Duration) -> String { String(format: "%.3f ms", seconds(duration) * 1000) }

func percentile(_ sorted: [Duration], _ fraction: Double) -> Duration {
    sorted[min(sorted.count - 1, Int(Double(sorted.count - 1) * fraction))]
}

// MARK: Arguments

var arguments = Array(CommandLine.arguments.dropFirst())
var samples = 1000
let loadOnly = arguments.contains("--load-only")
arguments.removeAll { $0 == "--load-only" }
let timeAxisOnly = arguments.contains("--time-axis-only")
arguments.removeAll { $0 == "--time-axis-only" }
if let flag = arguments.firstIndex(of: "--samples"), flag + 1 < arguments.count, let count = Int(arguments[flag + 1]), count > 0 {
    samples = count
    arguments.removeSubrange(flag...(flag + 1))
}
var attendancePath: String?
if let flag = arguments.firstIndex(of: "--write-attendance"), flag + 1 < arguments.count {
    attendancePath = arguments[flag + 1]
    arguments.removeSubrange(flag...(flag + 1))
}
let path = arguments.first ?? "Benchmarks/data/scale.json"

// MARK: Load

/// CPU time (user + system) this process has used so far, in seconds.
func cpuSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
}

let loadStart = ContinuousClock.now
let cpuBeforeLoad = cpuSeconds()
let dataset: Dataset
do {
    dataset = try DatasetLoader.load(path: path)
} catch {
    FileHandle.standardError.write(Data("ScaleBench: \(error)\n".utf8))
    exit(65)
}
let loadEnd = ContinuousClock.now
let loadCPU = cpuSeconds() - cpuBeforeLoad
let sinceProcessStart = secondsSinceProcessStart()
let peakAfterLoad = statusMiB("VmHWM")

let meetingCount = dataset.entities.lazy.filter { $0.kind == .meeting }.count
let participationCount = dataset.relationships.lazy.filter { $0.relation == .participantIn }.count
print("file: \(path) (\(String(format: "%.1f", Double((try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0) / 1e6)) MB)")
print("entities: \(dataset.entities.count), meetings: \(meetingCount), relationships: \(dataset.relationships.count), participations: \(participationCount)")
if let sinceProcessStart {
    print(String(format: "load: process start → indexes ready %.3f s (runtime start-up before main %.3f s; DatasetLoader.load %.3f s)",
                 sinceProcessStart, startupSeconds ?? .nan, seconds(loadEnd - loadStart)))
} else {
    print(String(format: "load: DatasetLoader.load %.3f s (process start time unavailable)", seconds(loadEnd - loadStart)))
}
print(String(format: "load CPU time: %.3f s (user + system, all threads)", loadCPU))
if let loadAverage = try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8) {
    print("load average during run: \(loadAverage.split(separator: " ").prefix(3).joined(separator: " ")) on \(ProcessInfo.processInfo.activeProcessorCount) cores")
}
print(String(format: "peak memory after load: VmHWM %.0f MiB", peakAfterLoad ?? .nan))

if loadOnly { exit(0) }

// MARK: Time axis (Dataset.timeline behind `partygraph timeline`, Dataset.centralityTrajectory behind `centrality --by`)

do {
    // The busiest party: the most meetings at party level (found outside the timing).
    let parties = dataset.coMeetingGraph(level: .party)
    let busiest = parties.actors.indices.max { parties.meetingCount(of: Int32($0)) < parties.meetingCount(of: Int32($1)) }!
    let busiestID = parties.actors[busiest].id
    var timelineTimes: [Duration] = []
    var timelineCPU: [Double] = []
    var timelineSummary = ""
    for _ in 0..<3 {
        let started = ContinuousClock.now
        let cpuStarted = cpuSeconds()
        let timeline = try dataset.timeline(TimelineQuery(actor: busiestID, level: .party, unit: .year))
        timelineTimes.append(ContinuousClock.now - started)
        timelineCPU.append(cpuSeconds() - cpuStarted)
        timelineSummary = "\(timeline.total.meetings) meetings, \(timeline.periods.count) years, \(timeline.counterparts.count) counterparts"
    }
    print("timeline of the busiest party \(busiestID) by year (Dataset.timeline), \(timelineSummary): first \(milliseconds(timelineTimes[0])), "
          + "median \(milliseconds(timelineTimes.sorted()[1])) of 3; CPU time median \(String(format: "%.3f s", timelineCPU.sorted()[1]))")
    let trajectoryStart = ContinuousClock.now
    let trajectoryCPUStart = cpuSeconds()
    let trajectory = try dataset.centralityTrajectory(TrajectoryQuery(
        projection: .parties, parameters: CentralityParameters(measure: .pagerank, weights: .strength), unit: .year))
    let trajectoryTime = ContinuousClock.now - trajectoryStart
    let rows = trajectory.slices.reduce(0) { $0 + $1.scores.count }
    print("centrality --by year --measure pagerank --projection parties (Dataset.centralityTrajectory), \(trajectory.slices.count) yearly slices "
          + "\(trajectory.slices.first?.period.label ?? "")–\(trajectory.slices.last?.period.label ?? ""), \(rows) rows: "
          + "\(milliseconds(trajectoryTime)); CPU time \(String(format: "%.3f s", cpuSeconds() - trajectoryCPUStart))")
    let slidingStart = ContinuousClock.now
    let sliding = try dataset.centralityTrajectory(TrajectoryQuery(
        projection: .parties, parameters: CentralityParameters(measure: .pagerank, weights: .strength), unit: .year, window: PeriodWindow(2, .year)))
    print("  the same with --window 2y, \(sliding.slices.count) slices: \(milliseconds(ContinuousClock.now - slidingStart))")
} catch {
    print("time axis failed: \(error)")
}
if timeAxisOnly { exit(0) }

// MARK: Who met whom (Dataset.encounters, the research API behind `partygraph who-met`)

let persons = dataset.entities.filter { $0.kind == .person }.map(\.id)
var activity: [NodeID: Int] = [:]
for relationship in dataset.relationships where relationship.relation == .participantIn && relationship.from.rawValue.hasPrefix("person/") {
    activity[relationship.from, default: 0] += 1
}
let mostActive = activity.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }

/// Median, p90 and max of `body` over `actors`, and the mean answer size.
func measure(_ actors: [NodeID], _ body: (NodeID) throws -> Int) rethrows -> (sorted: [Duration], meanSize: Int) {
    var latencies: [Duration] = []
    var sizes = 0
    for actor in actors {
        let started = ContinuousClock.now
        sizes += try body(actor)
        latencies.append(ContinuousClock.now - started)
    }
    return (latencies.sorted(), sizes / max(1, actors.count))
}

let step = max(1, persons.count / samples)
let sample = Array(Swift.stride(from: 0, to: persons.count, by: step).prefix(samples).map { persons[$0] })
do {
    let real = try measure(sample) { try dataset.encounters(of: $0).encounters.count }
    print("who-met, Dataset.encounters(of:) (person level, all derivations, evidence attached), \(real.sorted.count) persons, mean \(real.meanSize) encounters:")
    print("  median \(milliseconds(percentile(real.sorted, 0.5))), p90 \(milliseconds(percentile(real.sorted, 0.9))), max \(milliseconds(real.sorted.last ?? .zero))")
    if let mostActive {
        let busiest = try measure(Array(repeating: mostActive.key, count: 15)) { try dataset.encounters(of: $0).encounters.count }
        print("  most active person \(mostActive.key) (\(mostActive.value) participations, \(busiest.meanSize) encounters): median \(milliseconds(percentile(busiest.sorted, 0.5)))")
    }
    // Other levels: the meetings read are those reachable from the nodes that lift to the actor.
    if let person = sample.first {
        for level in [EncounterLevel.organ, .party, .country] {
            let result = try measure(Array(repeating: person, count: 5)) { try dataset.encounters(of: $0, level: level).encounters.count }
            print("  one person (\(person)) at \(level.rawValue) level: median \(milliseconds(percentile(result.sorted, 0.5))) of 5, \(result.meanSize) encounters")
        }
    }
    let parties = dataset.entities.filter { $0.kind == .party }.map(\.id)
    let partySample = Array(Swift.stride(from: 0, to: parties.count, by: max(1, parties.count / 25)).prefix(25).map { parties[$0] })
    var partySizes: [Int] = []
    let partyCPUStart = cpuSeconds()
    let partyLevel = try measure(partySample) { party in
        let count = try dataset.encounters(of: party, level: .party).encounters.count
        partySizes.append(count)
        return count
    }
    let partyCPU = cpuSeconds() - partyCPUStart
    partySizes.sort()
    print("who-met, one party at party level, \(partyLevel.sorted.count) parties, encounters median \(partySizes[partySizes.count / 2]), max \(partySizes.last ?? 0) (party/p000 has a sixth of all persons as members):")
    print("  median \(milliseconds(percentile(partyLevel.sorted, 0.5))), p90 \(milliseconds(percentile(partyLevel.sorted, 0.9))), max \(milliseconds(partyLevel.sorted.last ?? .zero)); CPU time of all \(partyLevel.sorted.count) \(String(format: "%.3f s", partyCPU))")
    let countries = dataset.entities.filter { $0.kind == .country }.map(\.id)
    let countrySample = Array(Swift.stride(from: 0, to: countries.count, by: max(1, countries.count / 10)).prefix(10).map { countries[$0] })
    let countryLevel = try measure(countrySample) { try dataset.encounters(of: $0, level: .country).encounters.count }
    print("who-met, one country at country level, \(countryLevel.sorted.count) countries, mean \(countryLevel.meanSize) encounters: median \(milliseconds(percentile(countryLevel.sorted, 0.5))), max \(milliseconds(countryLevel.sorted.last ?? .zero))")
} catch {
    print("who-met failed: \(error)")
}

/// The bare index walk (participant-in out, then in), for comparison: the cost of the data layout alone.
func bareWhoMet(_ person: NodeID, in dataset: Dataset) -> Int {
    var counts: [NodeID: Int] = [:]
    for attended in dataset.relationships(from: person) where attended.relation == .participantIn {
        for other in dataset.relationships(to: attended.to) where other.relation == .participantIn && other.from != person {
            counts[other.from, default: 0] += 1
        }
    }
    return counts.count
}
let bare = measure(sample) { bareWhoMet($0, in: dataset) }
print("  for comparison, a bare walk over relationships(from:/to:): median \(milliseconds(percentile(bare.sorted, 0.5))), p90 \(milliseconds(percentile(bare.sorted, 0.9)))")

// MARK: Persons co-meeting graph (Dataset.coMeetingGraph, behind centrality --projection persons and export --projection persons)

var graphTimes: [Duration] = []
var personsGraph = dataset.coMeetingGraph(level: .person)
for _ in 0..<3 {
    let started = ContinuousClock.now
    personsGraph = dataset.coMeetingGraph(level: .person)
    graphTimes.append(ContinuousClock.now - started)
}
graphTimes.sort()
print("persons co-meeting graph, Dataset.coMeetingGraph(level: .person), \(personsGraph.actors.count) actors, \(personsGraph.meetings.count) meetings, \(personsGraph.pairCount) pairs: median \(milliseconds(percentile(graphTimes, 0.5))) of 3, min \(milliseconds(graphTimes[0]))")
print(String(format: "peak memory after the persons graph: VmHWM %.0f MiB", statusMiB("VmHWM") ?? .nan))
if let attendancePath {
    // The same attendance as a person x meeting edge list (persons 0..<N, meetings N...), for the peers.
    var text = "# person-level attendance of \(path): \(personsGraph.actors.count) actors, \(personsGraph.meetings.count) meetings\n"
    for meeting in personsGraph.meetings.indices {
        for actor in personsGraph.actors(atMeeting: meeting) { text += "\(actor) \(personsGraph.actors.count + meeting)\n" }
    }
    try text.write(toFile: attendancePath, atomically: true, encoding: .utf8)
    print("wrote \(attendancePath) (--people \(personsGraph.actors.count))")
}

// MARK: Party co-meeting matrix (Dataset.coMeetingMatrix, behind `partygraph matrix`)

var matrixTimes: [Duration] = []
var matrixSummary = ""
let matrixCPUStart = cpuSeconds()
for _ in 0..<3 {
    let started = ContinuousClock.now
    let matrix = dataset.coMeetingMatrix(level: .party)
    matrixTimes.append(ContinuousClock.now - started)
    matrixSummary = "\(matrix.actors.count) parties, \(matrix.pairs.count) non-zero pairs"
}
matrixTimes.sort()
let matrixCPU = (cpuSeconds() - matrixCPUStart) / 3
print("party co-meeting matrix, Dataset.coMeetingMatrix(level: .party), \(matrixSummary): median \(milliseconds(percentile(matrixTimes, 0.5))) of \(matrixTimes.count), min \(milliseconds(matrixTimes[0])); CPU time per run \(String(format: "%.3f s", matrixCPU))")
for level in [EncounterLevel.organ, .country] {
    var times: [Duration] = []
    var summary = ""
    for _ in 0..<3 {
        let started = ContinuousClock.now
        let matrix = dataset.coMeetingMatrix(level: level)
        times.append(ContinuousClock.now - started)
        summary = "\(matrix.actors.count) actors, \(matrix.pairs.count) non-zero pairs"
    }
    times.sort()
    print("\(level.rawValue) co-meeting matrix, \(summary): median \(milliseconds(percentile(times, 0.5))) of 3")
}
print(String(format: "peak memory at exit: VmHWM %.0f MiB", statusMiB("VmHWM") ?? .nan))
