// ScaleBench: how fast a large dataset loads and how fast encounter queries answer once it has.
//
//     swift build -c release --package-path Benchmarks
//     Benchmarks/.build/release/ScaleBench [FILE] [--samples N]
//
// FILE defaults to Benchmarks/data/scale.json (made by Benchmarks/generate_dataset.py). Reports:
// - load: from process start (the kernel's start time of this process) to the validated, indexed Dataset,
//   and the part of it spent inside DatasetLoader.load;
// - peak memory: VmHWM from /proc/self/status after load and after the queries;
// - who-met: median / p90 / max latency over N persons, and the most active person alone;
// - party matrix: latency of the party-by-party co-meeting matrix (median of several runs).
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
if let flag = arguments.firstIndex(of: "--samples"), flag + 1 < arguments.count, let count = Int(arguments[flag + 1]), count > 0 {
    samples = count
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

// MARK: Who met whom (minimal walk over the public API until the encounter queries land)

/// Everyone who took part in a meeting the person took part in, with the number of such meetings.
func whoMet(_ person: NodeID, in dataset: Dataset) -> [(NodeID, Int)] {
    var counts: [NodeID: Int] = [:]
    for attended in dataset.relationships(from: person) where attended.relation == .participantIn {
        for other in dataset.relationships(to: attended.to) where other.relation == .participantIn && other.from != person {
            counts[other.from, default: 0] += 1
        }
    }
    return counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
}

let persons = dataset.entities.filter { $0.kind == .person }.map(\.id)
var activity: [NodeID: Int] = [:]
for relationship in dataset.relationships where relationship.relation == .participantIn && relationship.from.rawValue.hasPrefix("person/") {
    activity[relationship.from, default: 0] += 1
}
let mostActive = activity.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }

var latencies: [Duration] = []
var answerSizes = 0
let stride = max(1, persons.count / samples)
for index in Swift.stride(from: 0, to: persons.count, by: stride).prefix(samples) {
    let started = ContinuousClock.now
    let answer = whoMet(persons[index], in: dataset)
    latencies.append(ContinuousClock.now - started)
    answerSizes += answer.count
}
latencies.sort()
print("who-met (own walk over Dataset.relationships(from:/to:)), \(latencies.count) persons, mean \(answerSizes / max(1, latencies.count)) counterparts:")
print("  median \(milliseconds(percentile(latencies, 0.5))), p90 \(milliseconds(percentile(latencies, 0.9))), max \(milliseconds(latencies.last ?? .zero))")
if let mostActive {
    var busiest: [Duration] = []
    var size = 0
    for _ in 0..<25 {
        let started = ContinuousClock.now
        size = whoMet(mostActive.key, in: dataset).count
        busiest.append(ContinuousClock.now - started)
    }
    busiest.sort()
    print("  most active person \(mostActive.key) (\(mostActive.value) meetings, \(size) counterparts): median \(milliseconds(percentile(busiest, 0.5)))")
}

// MARK: Party co-meeting matrix

/// For every pair of parties, the number of meetings both took part in, directly or through a member, organ or office.
func partyMatrix(_ dataset: Dataset) -> (parties: [NodeID], counts: [Int32]) {
    let parties = dataset.entities.filter { $0.kind == .party }.map(\.id)
    var partyIndex: [NodeID: Int32] = [:]
    for (index, party) in parties.enumerated() { partyIndex[party] = Int32(index) }
    // The party each node stands for: itself, the party a person is member of, an organ or office belongs to.
    var affiliation: [NodeID: Int32] = partyIndex
    var officeOfOrgan: [(NodeID, NodeID)] = []
    for relationship in dataset.relationships {
        switch relationship.relation {
        case .memberOf, .partOf, .officeOf:
            if let party = partyIndex[relationship.to] { affiliation[relationship.from] = party }
            else if relationship.relation == .officeOf { officeOfOrgan.append((relationship.from, relationship.to)) }
        default: break
        }
    }
    for (office, organ) in officeOfOrgan { if let party = affiliation[organ] { affiliation[office] = party } }
    var counts = [Int32](repeating: 0, count: parties.count * parties.count)
    var present: [Int32] = []
    for meeting in dataset.entities where meeting.kind == .meeting {
        present.removeAll(keepingCapacity: true)
        for participation in dataset.relationships(to: meeting.id) where participation.relation == .participantIn {
            if let party = affiliation[participation.from], !present.contains(party) { present.append(party) }
        }
        for first in present { for second in present where first != second { counts[Int(first) * parties.count + Int(second)] += 1 } }
    }
    return (parties, counts)
}

var matrixTimes: [Duration] = []
var checksum: Int64 = 0
for _ in 0..<5 {
    let started = ContinuousClock.now
    let matrix = partyMatrix(dataset)
    matrixTimes.append(ContinuousClock.now - started)
    checksum = matrix.counts.reduce(0) { $0 + Int64($1) }
}
matrixTimes.sort()
print("party co-meeting matrix (own walk), \(dataset.entities.lazy.filter { $0.kind == .party }.count) parties, \(checksum / 2) party pairs met: median \(milliseconds(percentile(matrixTimes, 0.5))) of \(matrixTimes.count)")
print(String(format: "peak memory at exit: VmHWM %.0f MiB", statusMiB("VmHWM") ?? .nan))
