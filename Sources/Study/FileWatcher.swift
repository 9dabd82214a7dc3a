import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Watches folders for saved source files: with inotify on Linux, where the caller blocks in
/// `poll()` on `descriptor` and idles at no CPU cost, or by comparing modification times when
/// inotify is unavailable (the caller then asks every `pollingInterval` seconds).
///
/// Editors save in different ways (write in place, or write a temporary file and rename it over
/// the original), so a save is any of: a file closed after writing, a file moved in, a file
/// created. Only names with the watched suffix count, and never hidden ones (`.x.swift.swp`,
/// the atomic writers' `.x.swift.123.tmp`).
public final class FileWatcher {
  /// How changes are detected.
  public enum Mechanism: Sendable, Equatable {
    /// Kernel notifications, read from `descriptor`.
    case inotify
    /// Modification times compared every `pollingInterval` seconds.
    case polling
  }

  /// Seconds between two looks at the folders when polling.
  public static let pollingInterval = 0.3

  /// The folders watched (not their subfolders).
  public let folders: [URL]
  /// The file-name suffix that counts, `.swift` by default.
  public let suffix: String
  /// How changes are detected.
  public let mechanism: Mechanism
  /// The inotify descriptor to wait on with `poll()`; nil when polling.
  public var descriptor: Int32? { inotifyDescriptor >= 0 ? inotifyDescriptor : nil }

  private var inotifyDescriptor: Int32 = -1
  private var folderOfWatch: [Int32: URL] = [:]
  private var snapshot: [String: FileStamp] = [:]

  /// Starts watching `folders`. `forcePolling` skips inotify (tests use it to cover the
  /// fallback, which is otherwise taken only when `inotify_init1` fails).
  public init(folders: [URL], suffix: String = ".swift", forcePolling: Bool = false) {
    self.folders = folders
    self.suffix = suffix
    var descriptor: Int32 = -1
    #if canImport(Glibc)
      if !forcePolling { descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC)) }
    #endif
    inotifyDescriptor = descriptor
    mechanism = descriptor >= 0 ? .inotify : .polling
    #if canImport(Glibc)
      if mechanism == .inotify {
        let mask = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE)
        for folder in folders {
          let watch = inotify_add_watch(descriptor, folder.path, mask)
          if watch >= 0 { folderOfWatch[watch] = folder }
        }
      }
    #endif
    if mechanism == .polling { snapshot = takeSnapshot() }
  }

  deinit {
    if inotifyDescriptor >= 0 { close(inotifyDescriptor) }
  }

  /// Whether `name` is a file this watcher reports: the suffix, and not hidden.
  public func counts(_ name: String) -> Bool {
    name.hasSuffix(suffix) && !name.hasPrefix(".")
  }

  /// The files saved since the last call, without blocking: the pending notifications, or
  /// what changed since the previous snapshot. Each file once, in the order first seen.
  public func changes() -> [URL] {
    var found: [URL] = []
    func add(_ url: URL) {
      if !found.contains(url) { found.append(url) }
    }
    switch mechanism {
    case .inotify:
      for (watch, name) in readEvents() where counts(name) {
        if let folder = folderOfWatch[watch] { add(folder.appendingPathComponent(name)) }
      }
    case .polling:
      let now = takeSnapshot()
      for (path, stamp) in now.sorted(by: { $0.key < $1.key }) where snapshot[path] != stamp {
        add(URL(fileURLWithPath: path))
      }
      snapshot = now
    }
    return found
  }

  /// Reads every pending inotify event: (watch, file name).
  private func readEvents() -> [(Int32, String)] {
    var events: [(Int32, String)] = []
    var buffer = [UInt8](repeating: 0, count: 16 * 1024)
    while true {
      let count = buffer.withUnsafeMutableBytes {
        read(inotifyDescriptor, $0.baseAddress, $0.count)
      }
      if count <= 0 { break }
      var offset = 0
      // struct inotify_event { int wd; uint32_t mask, cookie, len; char name[len]; }
      while offset + 16 <= count {
        let (watch, length) = buffer.withUnsafeBytes { raw in
          (
            raw.loadUnaligned(fromByteOffset: offset, as: Int32.self),
            Int(raw.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self))
          )
        }
        let nameBytes = buffer[(offset + 16)..<min(count, offset + 16 + length)]
          .prefix { $0 != 0 }
        if !nameBytes.isEmpty { events.append((watch, String(decoding: nameBytes, as: UTF8.self))) }
        offset += 16 + length
      }
    }
    return events
  }

  /// Path → stamp of every counted file in the folders.
  private func takeSnapshot() -> [String: FileStamp] {
    var stamps: [String: FileStamp] = [:]
    for folder in folders {
      let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
      for name in names where counts(name) {
        let path = folder.appendingPathComponent(name).path
        if let stamp = FileStamp(path: path) { stamps[path] = stamp }
      }
    }
    return stamps
  }
}

/// What polling compares: a rename-save changes the inode, a write the time or size.
struct FileStamp: Equatable {
  let inode: UInt64
  let size: Int64
  let seconds: Int
  let nanoseconds: Int

  init?(path: String) {
    var info = stat()
    guard stat(path, &info) == 0 else { return nil }
    inode = UInt64(info.st_ino)
    size = Int64(info.st_size)
    #if os(Linux)
      seconds = Int(info.st_mtim.tv_sec)
      nanoseconds = Int(info.st_mtim.tv_nsec)
    #else
      seconds = Int(info.st_mtimespec.tv_sec)
      nanoseconds = Int(info.st_mtimespec.tv_nsec)
    #endif
  }
}
