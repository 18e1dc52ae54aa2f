import PartyGraph

/// Short, readable dates for diagram labels: `6–7 Feb 2026`, `6 Feb 2026`,
/// `30 Jan – 2 Feb 2026`, `Feb 2026`, `from 6 Feb 2026`.
public enum DateText {
    private static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// One partial date: `6 Feb 2026`, `Feb 2026` or `2026`.
    public static func text(_ date: PartialDate) -> String {
        guard let month = date.month else { return String(date.year) }
        let monthYear = "\(monthNames[month - 1]) \(date.year)"
        guard let day = date.day else { return monthYear }
        return "\(day) \(monthYear)"
    }

    /// A span, with the shared month and year written once (`6–7 Feb 2026`).
    public static func text(_ span: DateSpan) -> String {
        switch (span.start, span.end) {
        case (nil, nil):
            return "undated"
        case (let start?, nil):
            return "from \(text(start))"
        case (nil, let end?):
            return "until \(text(end))"
        case (let start?, let end?):
            if start == end { return text(start) }
            if let startDay = start.day, let endDay = end.day, start.month == end.month, start.year == end.year {
                return "\(startDay)–\(endDay) \(monthNames[start.month! - 1]) \(start.year)"
            }
            if start.day != nil, end.day != nil, start.year == end.year {
                return "\(start.day!) \(monthNames[start.month! - 1]) – \(text(end))"
            }
            if start.precision == .month, end.precision == .month, start.year == end.year {
                return "\(monthNames[start.month! - 1])–\(monthNames[end.month! - 1]) \(start.year)"
            }
            return "\(text(start)) – \(text(end))"
        }
    }
}
