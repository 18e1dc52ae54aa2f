/// A calendar date known to a year, a month or a day (ISO 8601 `YYYY`, `YYYY-MM`, `YYYY-MM-DD`).
///
/// A partial date stands for the whole interval it names: `2026-02` is every day of February 2026,
/// never a fake 1 February. Compare with ``firstDay`` and ``lastDay``.
public struct PartialDate: Hashable, Sendable, CustomStringConvertible {
    /// How much of the date is known.
    public enum Precision: Int, Sendable, Comparable, CaseIterable {
        case year, month, day
        public static func < (lhs: Precision, rhs: Precision) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// The year, 1–9999.
    public let year: Int
    /// The month, 1–12, when known.
    public let month: Int?
    /// The day of the month, when known (only with a month).
    public let day: Int?

    /// How much of the date is known.
    public var precision: Precision { day != nil ? .day : (month != nil ? .month : .year) }

    /// Creates a date, or throws when it names no real day (month 13, 30 February).
    public init(year: Int, month: Int? = nil, day: Int? = nil) throws(DateProblem) {
        guard (1...9999).contains(year) else { throw .outOfRange("year \(year) is outside 0001–9999") }
        if let month {
            guard (1...12).contains(month) else { throw .outOfRange("month \(month) is not 01–12") }
            if let day {
                let days = PartialDate.daysIn(month: month, year: year)
                guard (1...days).contains(day) else {
                    throw .outOfRange("day \(day) does not exist in \(year)-\(PartialDate.pad(month, 2)) (it has \(days) days)")
                }
            }
        } else if day != nil {
            throw .malformed("a day needs a month")
        }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    public init(parsing text: String) throws(DateProblem) {
        let utf8 = Array(text.utf8)
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for index in range {
                let digit = Int(utf8[index]) - 48
                guard (0...9).contains(digit) else { return nil }
                value = value * 10 + digit
            }
            return value
        }
        let dash = UInt8(ascii: "-")
        switch utf8.count {
        case 4:
            guard let year = number(0..<4) else { break }
            try self.init(year: year)
            return
        case 7 where utf8[4] == dash:
            guard let year = number(0..<4), let month = number(5..<7) else { break }
            try self.init(year: year, month: month)
            return
        case 10 where utf8[4] == dash && utf8[7] == dash:
            guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) else { break }
            try self.init(year: year, month: month, day: day)
            return
        default:
            break
        }
        throw .malformed("'\(text)' is not a date; write YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2026-02-06")
    }

    /// The first day this date covers, as a day number (days since 0001-01-01).
    public var firstDay: Int { PartialDate.dayNumber(year: year, month: month ?? 1, day: day ?? 1) }

    /// The last day this date covers, as a day number (days since 0001-01-01).
    public var lastDay: Int {
        let lastMonth = month ?? 12
        return PartialDate.dayNumber(
            year: year, month: lastMonth, day: day ?? PartialDate.daysIn(month: lastMonth, year: year))
    }

    public var description: String {
        var text = PartialDate.pad(year, 4)
        if let month { text += "-" + PartialDate.pad(month, 2) }
        if let day { text += "-" + PartialDate.pad(day, 2) }
        return text
    }

    static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    static func isLeap(_ year: Int) -> Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    static func dayNumber(year: Int, month: Int, day: Int) -> Int {
        let previousYears = year - 1
        var days = previousYears * 365 + previousYears / 4 - previousYears / 100 + previousYears / 400
        for earlier in stride(from: 1, to: month, by: 1) { days += daysIn(month: earlier, year: year) }
        return days + day - 1
    }
}

extension PartialDate: Codable {
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        try self.init(parsing: text)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

/// Why a date was rejected.
public enum DateProblem: Error, Sendable, Equatable, CustomStringConvertible {
    /// The text is not in one of the accepted shapes.
    case malformed(String)
    /// The shape is right but the date does not exist.
    case outOfRange(String)
    /// An interval ends before it starts.
    case endBeforeStart(String)

    public var description: String {
        switch self {
        case .malformed(let text), .outOfRange(let text), .endBeforeStart(let text): return text
        }
    }
}

/// An inclusive span of days between two partial dates; either bound may be open (unknown).
///
/// An open bound means the sources do not say: the span is taken to extend that way without limit.
public struct DateSpan: Hashable, Sendable, CustomStringConvertible {
    /// The first date, or `nil` for an open start (the sources do not say).
    public let start: PartialDate?
    /// The last date, or `nil` for an open end (the sources do not say).
    public let end: PartialDate?

    /// Creates a span, or throws when the end falls wholly before the start.
    public init(start: PartialDate?, end: PartialDate?) throws(DateProblem) {
        if let start, let end, end.lastDay < start.firstDay {
            throw .endBeforeStart("the end \(end) is before the start \(start)")
        }
        self.start = start
        self.end = end
    }

    /// A span with no bound on either side.
    public static let unbounded = try! DateSpan(start: nil, end: nil)

    /// Parses `FROM/TO`, `FROM/`, `/TO` or a single partial date (which spans itself).
    public init(parsing text: String) throws(DateProblem) {
        if let slash = text.firstIndex(of: "/") {
            let from = String(text[..<slash]), to = String(text[text.index(after: slash)...])
            try self.init(
                start: from.isEmpty ? nil : try PartialDate(parsing: from),
                end: to.isEmpty ? nil : try PartialDate(parsing: to))
        } else {
            let date = try PartialDate(parsing: text)
            try self.init(start: date, end: date)
        }
    }

    /// The first day covered, or `nil` when open.
    public var firstDay: Int? { start?.firstDay }
    /// The last day covered, or `nil` when open.
    public var lastDay: Int? { end?.lastDay }

    /// Whether the span covers the given day number.
    public func contains(day: Int) -> Bool {
        (firstDay.map { $0 <= day } ?? true) && (lastDay.map { day <= $0 } ?? true)
    }

    /// Whether the two spans share at least one day.
    public func overlaps(_ other: DateSpan) -> Bool {
        let startsBeforeOtherEnds = firstDay.flatMap { first in other.lastDay.map { first <= $0 } } ?? true
        let otherStartsBeforeEnd = other.firstDay.flatMap { first in lastDay.map { first <= $0 } } ?? true
        return startsBeforeOtherEnds && otherStartsBeforeEnd
    }

    /// Whether the whole span lies within `other`.
    public func isWithin(_ other: DateSpan) -> Bool {
        let startOK: Bool
        if let otherFirst = other.firstDay { startOK = firstDay.map { $0 >= otherFirst } ?? false } else { startOK = true }
        let endOK: Bool
        if let otherLast = other.lastDay { endOK = lastDay.map { $0 <= otherLast } ?? false } else { endOK = true }
        return startOK && endOK
    }

    /// `2026-02-06`, `2026-02-06/2026-02-07`, `2026/` or `/2026-03` (open bounds left empty).
    public var description: String {
        if let start, let end, start == end { return start.description }
        if start == nil && end == nil { return "" }
        return (start?.description ?? "") + "/" + (end?.description ?? "")
    }

    /// Human words: "6–7 February 2026" style is left to presenters; this gives `2026-02-06 – 2026-02-07`.
    public var readable: String {
        if let start, let end, start == end { return start.description }
        switch (start, end) {
        case let (start?, end?): return "\(start) – \(end)"
        case let (start?, nil): return "from \(start)"
        case let (nil, end?): return "until \(end)"
        case (nil, nil): return "undated"
        }
    }
}
