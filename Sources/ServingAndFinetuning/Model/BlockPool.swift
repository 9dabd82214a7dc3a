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
  /// Everything a call can change, in one value: a call changes it through one access, where
  /// separate properties of a class would each be checked for overlapping access, on every token
  /// of a long replay.
  private var state: PoolState

  /// Blocks allocated now.
  public var blocksInUse: Int { state.blocksInUse }
  /// The most blocks ever allocated at once: the memory the run needed.
  public var peakBlocksInUse: Int { state.peakBlocksInUse }
  /// Calls of `allocate()` that returned a block.
  public var allocations: Int { state.allocations }
  /// Calls of `release(_:)` that returned a block.
  public var releases: Int { state.releases }
  /// Slots copied by `copy(from:to:slots:)`: the cost of copy-on-write.
  public var slotsCopied: Int { state.slotsCopied }
  /// Writes to a slot that already held a token: another sequence's token overwritten.
  public var overwrites: Int { state.overwrites }
  /// Slots written now, over the allocated blocks.
  public var filledSlots: Int { state.filledSlots }
  /// Every call made on the pool that can change it, in order, failed ones included: what the
  /// runner records so that the judge's own pool can do the same calls (see
  /// `BlockPool+Record.swift`). Empty when the pool keeps no journal.
  public var journal: [BlockPoolCall] { state.journal }

  /// Creates a pool with every block free; block ids are 0 ..< blockCount.
  /// `journaling: false` keeps long runs that no judge replays (the lesson's trace) from growing
  /// a journal.
  public init(blockCount: Int, blockSize: Int, journaling: Bool = true) {
    self.blockCount = max(0, blockCount)
    self.blockSize = max(1, blockSize)
    state = PoolState(
      blockCount: self.blockCount, blockSize: self.blockSize, journaling: journaling)
  }

  /// Blocks free now.
  public var freeBlocks: Int { blockCount - blocksInUse }

  /// Takes a free block, with every slot empty; throws `ServingError.outOfBlocks` when none is left.
  public func allocate() throws -> Int {
    try state.allocate()
  }

  /// Gives a block back; throws `ServingError.invalidBlock` unless it is allocated.
  public func release(_ block: Int) throws {
    try state.release(block)
  }

  /// Whether `block` is allocated now.
  public func isAllocated(_ block: Int) -> Bool {
    state.isAllocated(block)
  }

  /// Stores a token's keys and values (here: its id) in `slot` of `block`.
  public func write(_ token: Int, block: Int, slot: Int) throws {
    try state.write(token, block: block, slot: slot)
  }

  /// The token in `slot` of `block`; throws when the block is not allocated or the slot is empty.
  public func read(block: Int, slot: Int) throws -> Int {
    try state.read(block: block, slot: slot)
  }

  /// Copies the first `slots` slots of `source` into `destination` (copy-on-write's copy).
  public func copy(from source: Int, to destination: Int, slots count: Int) throws {
    try state.copy(from: source, to: destination, slots: count)
  }
}

/// A `BlockPool`'s blocks, slots, meters and journal.
private struct PoolState {
  let blockCount: Int
  let blockSize: Int
  let keepsJournal: Bool
  var allocated: [Bool]
  /// Every block's slots in one array, block `b` at `b * blockSize`: one allocation for the run
  /// instead of one per block taken. It grows to cover a block when that block is first taken
  /// (low ids go first, so it stays the size of the peak), and a released block's slots are
  /// emptied at once.
  var slots: [Int?] = []
  var freeList: [Int]
  var blocksInUse = 0
  var peakBlocksInUse = 0
  var allocations = 0
  var releases = 0
  var slotsCopied = 0
  var overwrites = 0
  var filledSlots = 0
  var journal: [BlockPoolCall] = []

  init(blockCount: Int, blockSize: Int, journaling: Bool) {
    self.blockCount = blockCount
    self.blockSize = blockSize
    keepsJournal = journaling
    allocated = Array(repeating: false, count: blockCount)
    // Hand out low ids first, so that runs and pictures are reproducible.
    freeList = Array((0..<blockCount).reversed())
  }

  mutating func allocate() throws -> Int {
    log(.allocate)
    guard let block = freeList.popLast() else { throw ServingError.outOfBlocks }
    allocated[block] = true
    let end = (block + 1) * blockSize
    if slots.count < end { slots.append(contentsOf: repeatElement(nil, count: end - slots.count)) }
    blocksInUse += 1
    allocations += 1
    peakBlocksInUse = max(peakBlocksInUse, blocksInUse)
    return block
  }

  mutating func release(_ block: Int) throws {
    log(.release(block))
    try requireAllocated(block)
    let range = block * blockSize..<(block + 1) * blockSize
    filledSlots -= slots[range].lazy.filter { $0 != nil }.count
    for index in range { slots[index] = nil }
    allocated[block] = false
    freeList.append(block)
    blocksInUse -= 1
    releases += 1
  }

  func isAllocated(_ block: Int) -> Bool {
    (0..<blockCount).contains(block) && allocated[block]
  }

  mutating func write(_ token: Int, block: Int, slot: Int) throws {
    log(.write(token: token, block: block, slot: slot))
    try store(token, block: block, slot: slot)
  }

  /// `write` without a journal entry: `copy`'s writes are part of its own entry.
  private mutating func store(_ token: Int, block: Int, slot: Int) throws {
    try requireSlot(block, slot)
    let index = block * blockSize + slot
    if slots[index] == nil { filledSlots += 1 } else { overwrites += 1 }
    slots[index] = token
  }

  func read(block: Int, slot: Int) throws -> Int {
    try requireSlot(block, slot)
    guard let token = slots[block * blockSize + slot] else {
      throw ServingError.unwrittenSlot(block: block, slot: slot)
    }
    return token
  }

  mutating func copy(from source: Int, to destination: Int, slots count: Int) throws {
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

  private mutating func log(_ call: BlockPoolCall) {
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
