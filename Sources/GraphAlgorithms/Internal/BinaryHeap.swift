/// Storage for a binary heap, allocated once per worker.
final class HeapStorage {
    let keys: UnsafeMutablePointer<Double>
    let items: UnsafeMutablePointer<Int32>
    let capacity: Int

    init(capacity: Int) {
        self.capacity = max(capacity, 1)
        keys = .allocate(capacity: self.capacity)
        items = .allocate(capacity: self.capacity)
    }

    deinit { keys.deallocate(); items.deallocate() }

    /// An empty heap over this storage. Keep it in a local variable: a struct in a local
    /// needs no dynamic exclusivity checks, unlike a class's stored `var`.
    func makeHeap() -> BinaryHeap { BinaryHeap(keys: keys, items: items, capacity: capacity) }
}

/// The order of both heaps (``BinaryHeap``, ``IndexedHeap``): by key, then by vertex, so ties pop in a fixed order.
@inline(__always)
func heapPrecedes(_ keyA: Double, _ itemA: Int32, _ keyB: Double, _ itemB: Int32) -> Bool {
    keyA < keyB || (keyA == keyB && itemA < itemB)
}

/// A binary min-heap of `(key, vertex)` pairs ordered by key, then vertex, over fixed
/// storage. Dijkstra pushes at most once per arc plus once for the source, so a capacity of
/// `arcs + 1` never overflows.
struct BinaryHeap {
    let keys: UnsafeMutablePointer<Double>
    let items: UnsafeMutablePointer<Int32>
    let capacity: Int
    var count = 0

    init(keys: UnsafeMutablePointer<Double>, items: UnsafeMutablePointer<Int32>, capacity: Int) {
        self.keys = keys
        self.items = items
        self.capacity = capacity
    }


    @inline(__always)
    mutating func push(_ key: Double, _ item: Int32) {
        precondition(count < capacity, "heap capacity exceeded")
        var i = count
        count += 1
        while i > 0 {
            let parent = (i - 1) >> 1
            if !heapPrecedes(key, item, keys[parent], items[parent]) { break }
            keys[i] = keys[parent]; items[i] = items[parent]
            i = parent
        }
        keys[i] = key; items[i] = item
    }

    @inline(__always)
    mutating func pop() -> (Double, Int32)? {
        guard count > 0 else { return nil }
        let top = (keys[0], items[0])
        count -= 1
        if count > 0 {
            let key = keys[count], item = items[count]
            var i = 0
            while true {
                let l = 2 * i + 1
                if l >= count { break }
                var c = l
                let r = l + 1
                if r < count && heapPrecedes(keys[r], items[r], keys[l], items[l]) { c = r }
                if !heapPrecedes(keys[c], items[c], key, item) { break }
                keys[i] = keys[c]; items[i] = items[c]
                i = c
            }
            keys[i] = key; items[i] = item
        }
        return top
    }
}
