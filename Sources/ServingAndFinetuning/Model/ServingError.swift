/// What the topic's contracts and harness types throw when an input or an operation is invalid.
///
/// Each case says which rule was broken, so a grader's message can repeat it to the student.
public enum ServingError: Error, Equatable, Sendable, Codable, CustomStringConvertible {
  /// A model description or a shape that cannot exist (a count ≤ 0, heads that do not divide).
  case invalidConfiguration(String)
  /// Arrays whose lengths do not match the shapes they come with.
  case shapeMismatch(String)
  /// A NaN or ±∞ at this index of the input.
  case nonFiniteValue(index: Int)
  /// A value too large for the format (an fp16 scale above 65504).
  case valueOutOfRange(index: Int)
  /// The block pool has no free block left.
  case outOfBlocks
  /// A block id outside the pool, or a block that is not allocated.
  case invalidBlock(Int)
  /// A slot that was read before anything was written to it.
  case unwrittenSlot(block: Int, slot: Int)
  /// A sequence id that is not live.
  case unknownSequence(Int)
  /// A sequence id that is live already.
  case duplicateSequence(Int)
  /// A gradient stored twice under one name.
  case duplicateGradient(String)

  /// One sentence saying what went wrong.
  public var description: String {
    switch self {
    case .invalidConfiguration(let what): return "invalid configuration: \(what)"
    case .shapeMismatch(let what): return "shape mismatch: \(what)"
    case .nonFiniteValue(let index): return "a NaN or infinity at index \(index)"
    case .valueOutOfRange(let index): return "the value at index \(index) is out of range"
    case .outOfBlocks: return "the block pool is out of blocks"
    case .invalidBlock(let block): return "block \(block) is not allocated"
    case .unwrittenSlot(let block, let slot):
      return "slot \(slot) of block \(block) was never written"
    case .unknownSequence(let id): return "sequence \(id) is not live"
    case .duplicateSequence(let id): return "sequence \(id) is live already"
    case .duplicateGradient(let name): return "a gradient named \(name) is stored already"
    }
  }
}
