import Foundation

/// A 64-bit FNV-1a hash: enough to tell whether a file changed since we wrote it.
/// Reads the bytes in place: `Data`'s own iterator costs several times the hashing.
package func fnv1a(_ data: Data) -> UInt64 {
  data.withUnsafeBytes { bytes in
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in bytes {
      hash ^= UInt64(byte)
      hash = hash &* 0x100_0000_01b3
    }
    return hash
  }
}
