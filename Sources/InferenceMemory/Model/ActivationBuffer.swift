/// A buffer of `Float` activations handed out by an `ActivationAllocator`.
///
/// It is a class so that two names can refer to the same storage, which is what ping-pong
/// needs: swapping two references swaps the roles of the buffers without copying a byte.
/// The storage is freed when the last reference goes away; `ActivationAllocator.free(_:)` is
/// the bookkeeping a real runtime would do, which the harness measures.
public final class ActivationBuffer {
  /// The allocator's number for this buffer, in order of allocation from 0.
  public let id: Int
  /// The number of `Float` elements the buffer holds.
  public let count: Int
  /// The elements, for loops that want to skip the class indirection. Valid while the buffer
  /// is referenced.
  public let elements: UnsafeMutableBufferPointer<Float>

  init(id: Int, count: Int) {
    self.id = id
    self.count = count
    elements = UnsafeMutableBufferPointer.allocate(capacity: count)
    elements.initialize(repeating: 0)
  }

  deinit {
    elements.deallocate()
  }

  /// The bytes the buffer occupies: `count × 4`.
  public var bytes: Int { count * MemoryLayout<Float>.size }

  /// Element `index`; traps outside `0..<count` rather than touching another buffer's memory.
  public subscript(index: Int) -> Float {
    get {
      precondition(index >= 0 && index < count, "index \(index) outside buffer of \(count)")
      return elements[index]
    }
    set {
      precondition(index >= 0 && index < count, "index \(index) outside buffer of \(count)")
      elements[index] = newValue
    }
  }
}
