#if canImport(Glibc)
import Glibc
#endif

/// Asks the kernel to back a large, freshly allocated buffer with transparent huge pages
/// (Linux `madvise(MADV_HUGEPAGE)`, which NumPy also does for its large arrays). Filling
/// hundreds of megabytes then takes hundreds rather than tens of thousands of page faults.
/// Only whole 4 KiB pages inside the buffer are advised; elsewhere this does nothing.
@inline(__always)
func adviseHugePages(_ base: UnsafeMutableRawPointer?, bytes: Int) {
    #if os(Linux) && canImport(Glibc)
    guard let base, bytes >= 1 << 22 else { return }
    let page = 4096
    let start = (Int(bitPattern: base) + page - 1) & ~(page - 1)
    let end = (Int(bitPattern: base) + bytes) & ~(page - 1)
    guard end > start, let aligned = UnsafeMutableRawPointer(bitPattern: start) else { return }
    _ = madvise(aligned, end - start, 14 /* MADV_HUGEPAGE */)
    #endif
}
