import Foundation

/// A 64-bit FNV-1a hash: enough to tell whether a file changed since we wrote it.
package func fnv1a(_ data: Data) -> UInt64 {
  var hash: UInt64 = 0xcbf2_9ce4_8422_2325
  for byte in data {
    hash ^= UInt64(byte)
    hash = hash &* 0x100_0000_01b3
  }
  return hash
}
