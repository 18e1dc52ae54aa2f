/// Hop distance and a per-vertex value (path count, then accumulation coefficient).
struct PathSlot {
    var value: Double
    var hops: Int32
}

extension Double {
    /// `self` if `a == b`, else `+0.0`, computed with integer arithmetic so the compiler
    /// cannot turn it into an unpredictable branch.
    @inline(__always)
    func masked(ifEqual a: Int32, _ b: Int32) -> Double {
        let diff = Int64(a ^ b)
        let notEqual = (diff | (0 &- diff)) >> 63 // -1 if a != b, else 0
        return Double(bitPattern: bitPattern & ~UInt64(bitPattern: notEqual))
    }
}
