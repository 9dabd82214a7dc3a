/// The physical key-value memory of a serving engine: `blockCount` blocks of `blockSize` token
/// slots each, with a meter on it.
///
/// The harness owns the pool and hands it to the student's allocator, which takes blocks with
/// `allocate()`, gives them back with `release(_:)`, writes each token's keys and values (here:
/// the token id) with `write(_:block:slot:)` and copies a block's slots with `copy(from:to:slots:)`.
/// Everything below is counted by the pool, never reported by the allocator.
public final class BlockPool {
  /// Token slots per block (vLLM's default is 16).
  public let blockSize: Int
  /// Blocks in the pool.
  public let blockCount: Int

  private var allocated: [Bool]
  private var slots: [[Int?]]
  private var freeList: [Int]

  /// Blocks allocated now.
  public private(set) var blocksInUse = 0
  /// The most blocks ever allocated at once: the memory the run needed.
  public private(set) var peakBlocksInUse = 0
  /// Calls of `allocate()` that returned a block.
  public private(set) var allocations = 0
  /// Calls of `release(_:)` that returned a block.
  public private(set) var releases = 0
  /// Slots copied by `copy(from:to:slots:)`: the cost of copy-on-write.
  public private(set) var slotsCopied = 0
  /// Writes to a slot that already held a token: another sequence's token overwritten.
  public private(set) var overwrites = 0
  /// Slots written now, over the allocated blocks.
  public private(set) var filledSlots = 0
  /// Every call made on the pool that can change it, in order, failed ones included: what the
  /// runner records so that the judge's own pool can do the same calls (see
  /// `BlockPool+Record.swift`). Empty when the pool keeps no journal.
  public private(set) var journal: [BlockPoolCall] = []
  private let keepsJournal: Bool

  /// Creates a pool with every block free; block ids are 0 ..< blockCount.
  /// `journaling: false` keeps long runs that no judge replays (the lesson's trace) from growing
  /// a journal.
  public init(blockCount: Int, blockSize: Int, journaling: Bool = true) {
    self.blockCount = max(0, blockCount)
    self.blockSize = max(1, blockSize)
    keepsJournal = journaling
    allocated = Array(repeating: false, count: self.blockCount)
    slots = Array(repeating: [], count: self.blockCount)
    // Hand out low ids first, so that runs and pictures are reproducible.
    freeList = Array((0..<self.blockCount).reversed())
  }

  /// Blocks free now.
  public var freeBlocks: Int { blockCount - blocksInUse }

  /// Takes a free block, with every slot empty; throws `ServingError.outOfBlocks` when none is left.
  public func allocate() throws -> Int {
    log(.allocate)
    guard let block = freeList.popLast() else { throw ServingError.outOfBlocks }
    allocated[block] = true
    slots[block] = Array(repeating: nil, count: blockSize)
    blocksInUse += 1
    allocations += 1
    peakBlocksInUse = max(peakBlocksInUse, blocksInUse)
    return block
  }

  /// Gives a block back; throws `ServingError.invalidBlock` unless it is allocated.
  public func release(_ block: Int) throws {
    log(.release(block))
    try requireAllocated(block)
    filledSlots -= slots[block].lazy.filter { $0 != nil }.count
    allocated[block] = false
    slots[block] = []
    freeList.append(block)
    blocksInUse -= 1
    releases += 1
  }

  /// Whether `block` is allocated now.
  public func isAllocated(_ block: Int) -> Bool {
    (0..<blockCount).contains(block) && allocated[block]
  }

  /// Stores a token's keys and values (here: its id) in `slot` of `block`.
  public func write(_ token: Int, block: Int, slot: Int) throws {
    log(.write(token: token, block: block, slot: slot))
    try store(token, block: block, slot: slot)
  }

  /// `write` without a journal entry: `copy`'s writes are part of its own entry.
  private func store(_ token: Int, block: Int, slot: Int) throws {
    try requireSlot(block, slot)
    if slots[block][slot] == nil { filledSlots += 1 } else { overwrites += 1 }
    slots[block][slot] = token
  }

  /// The token in `slot` of `block`; throws when the block is not allocated or the slot is empty.
  public func read(block: Int, slot: Int) throws -> Int {
    try requireSlot(block, slot)
    guard let token = slots[block][slot] else {
      throw ServingError.unwrittenSlot(block: block, slot: slot)
    }
    return token
  }

  /// Copies the first `slots` slots of `source` into `destination` (copy-on-write's copy).
  public func copy(from source: Int, to destination: Int, slots count: Int) throws {
    log(.copy(from: source, to: destination, slots: count))
    try requireAllocated(source)
    try requireAllocated(destination)
    guard (0...blockSize).contains(count) else {
      throw ServingError.invalidConfiguration("copy of \(count) slots from a block of \(blockSize)")
    }
    for slot in 0..<count {
      try store(try read(block: source, slot: slot), block: destination, slot: slot)
    }
    slotsCopied += count
  }

  private func log(_ call: BlockPoolCall) {
    if keepsJournal { journal.append(call) }
  }

  private func requireAllocated(_ block: Int) throws {
    guard isAllocated(block) else { throw ServingError.invalidBlock(block) }
  }

  private func requireSlot(_ block: Int, _ slot: Int) throws {
    try requireAllocated(block)
    guard (0..<blockSize).contains(slot) else {
      throw ServingError.invalidConfiguration("slot \(slot) of a block of \(blockSize) slots")
    }
  }
}
