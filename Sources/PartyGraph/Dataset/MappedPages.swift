import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A read-only file mapping whose pages are returned to the kernel once read (`madvise(MADV_DONTNEED)`).
///
/// Safe at any point: a private file mapping reads back the file's bytes when a released page is touched again.
struct MappedPages: @unchecked Sendable {
    let base: UnsafeRawPointer
    let count: Int
    /// Everything before this offset has been released.
    var releasedUpTo: Int

    init(base: UnsafeRawPointer, count: Int, releasedUpTo: Int = 0) {
        self.base = base
        self.count = count
        self.releasedUpTo = releasedUpTo
    }

    /// Releases the whole pages between the last release and `offset`.
    mutating func release(upTo offset: Int) {
        let page = MappedPages.pageSize
        let start = (releasedUpTo + page - 1) / page * page
        let end = min(offset, count) / page * page
        guard end > start else { return }
        #if canImport(Glibc)
        _ = madvise(UnsafeMutableRawPointer(mutating: base + start), end - start, MADV_DONTNEED)
        #endif
        releasedUpTo = end
    }

    /// Releases every page of the mapping.
    func releaseAll() {
        #if canImport(Glibc)
        _ = madvise(UnsafeMutableRawPointer(mutating: base), count, MADV_DONTNEED)
        #endif
    }

    static let pageSize: Int = {
        #if canImport(Glibc)
        return Int(sysconf(Int32(_SC_PAGESIZE)))
        #else
        return 4096
        #endif
    }()
}
