import Foundation

/// Writes every byte of `bytes` to `descriptor` with `write(2)` alone, so it is safe in a
/// signal handler; an interrupted write is retried, and any other failure (a reader that has
/// gone, say) ends it quietly.
package func writeAll(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32) {
  var offset = 0
  while offset < bytes.count {
    let written = write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
    if written < 0, errno == EINTR { continue }
    if written <= 0 { return }
    offset += written
  }
}
