import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads the learner's keys: one byte at a time from a terminal in raw mode, or one line at a
/// time from a pipe (the first character of each non-empty line), so a script can drive
/// `workbook watch` with `printf 'h\nq\n' | workbook watch`.
public struct KeyReader {
  /// The descriptor read from, standard input by default.
  public let descriptor: Int32
  /// Whether keys arrive as lines (a pipe or file) rather than single bytes (a raw terminal).
  public let lineMode: Bool
  private var partialLine: [UInt8] = []

  /// Creates a reader.
  public init(descriptor: Int32 = STDIN_FILENO, lineMode: Bool) {
    self.descriptor = descriptor
    self.lineMode = lineMode
  }

  /// The keys that can be read now without blocking for long (call it when `poll()` says the
  /// descriptor is readable), or nil at end of input.
  public mutating func read() -> [Character]? {
    var buffer = [UInt8](repeating: 0, count: 256)
    let count = buffer.withUnsafeMutableBytes { readBytes(descriptor, $0.baseAddress, $0.count) }
    if count < 0 && (errno == EINTR || errno == EAGAIN) { return [] }
    guard count > 0 else {
      // End of input: a last line without a newline still counts.
      let last = Self.keys(inLines: partialLine + [0x0A])
      partialLine = []
      return last.isEmpty ? nil : last
    }
    let bytes = Array(buffer[0..<count])
    guard lineMode else {
      return String(decoding: bytes, as: UTF8.self).map { $0 }
    }
    partialLine += bytes
    guard let lastNewline = partialLine.lastIndex(of: 0x0A) else { return [] }
    let complete = Array(partialLine[...lastNewline])
    partialLine.removeFirst(complete.count)
    return Self.keys(inLines: complete)
  }

  /// The key of each complete line: its first non-blank character; blank lines are skipped.
  public static func keys(inLines bytes: [UInt8]) -> [Character] {
    String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
      .dropLast()
      .compactMap { $0.first(where: { !$0.isWhitespace }) }
  }
}

/// `read(2)`, named apart from `KeyReader.read()`.
private func readBytes(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int
{
  read(descriptor, buffer, count)
}
