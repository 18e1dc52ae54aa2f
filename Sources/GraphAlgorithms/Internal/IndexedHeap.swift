/// An indexed 4-ary min-heap of vertices keyed by tentative distance, ordered by key then
/// vertex id, with decrease-key: each vertex is in the heap at most once, so the heap never
/// holds more than `n` entries and no stale entries are popped.
struct IndexedHeap {
    let keys: UnsafeMutablePointer<Double>
    let items: UnsafeMutablePointer<Int32>
    /// Slot of each vertex in the heap, -1 if absent; every vertex is absent again once
    /// the heap is empty.
    let index: UnsafeMutablePointer<Int32>
    var count = 0

    init(keys: UnsafeMutablePointer<Double>, items: UnsafeMutablePointer<Int32>, index: UnsafeMutablePointer<Int32>) {
        self.keys = keys
        self.items = items
        self.index = index
    }


    @inline(__always)
    mutating func insertOrDecrease(_ item: Int32, _ key: Double) {
        var i = Int(index[Int(item)])
        if i < 0 { i = count; count += 1 }
        while i > 0 {
            let parent = (i - 1) >> 2
            if !heapPrecedes(key, item, keys[parent], items[parent]) { break }
            keys[i] = keys[parent]; items[i] = items[parent]
            index[Int(items[i])] = Int32(truncatingIfNeeded: i)
            i = parent
        }
        keys[i] = key; items[i] = item
        index[Int(item)] = Int32(truncatingIfNeeded: i)
    }

    @inline(__always)
    mutating func popMin() -> (Double, Int32) {
        let top = (keys[0], items[0])
        index[Int(top.1)] = -1
        count -= 1
        if count > 0 {
            let key = keys[count], item = items[count]
            var i = 0
            while true {
                let first = 4 * i + 1
                if first >= count { break }
                var c = first
                var ck = keys[first], ci = items[first]
                let last = min(first + 4, count)
                var j = first + 1
                while j < last {
                    if heapPrecedes(keys[j], items[j], ck, ci) { c = j; ck = keys[j]; ci = items[j] }
                    j += 1
                }
                if !heapPrecedes(ck, ci, key, item) { break }
                keys[i] = ck; items[i] = ci
                index[Int(ci)] = Int32(truncatingIfNeeded: i)
                i = c
            }
            keys[i] = key; items[i] = item
            index[Int(item)] = Int32(truncatingIfNeeded: i)
        }
        return top
    }
}
