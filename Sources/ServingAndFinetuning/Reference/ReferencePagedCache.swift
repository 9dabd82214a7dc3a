// Reference code: it computes exercises' answers, for the figures, pictures and tools.
// Solve the exercises before you read it; contracts and harness types are one folder up.

/// The kit's own paged cache, behind the lesson's waste figures and the block-table picture.
///
/// Its steps (sharing a table on fork, starting a block, copying a shared block before a write,
/// giving a finished table back) are methods of their own, so the maintainers' mutants can each
/// get one of them wrong and keep the rest.
@_spi(Reference) open class ReferencePagedCache: PagedKVCache {
  /// Where the blocks come from.
  public let pool: BlockPool
  /// Each sequence's block table and length in tokens, together: appending a token looks its
  /// sequence up once.
  private var sequences: [Int: (table: [Int], length: Int)] = [:]
  /// Each sequence's block table.
  public var tables: [Int: [Int]] { sequences.mapValues(\.table) }
  /// Each sequence's length in tokens.
  public var lengths: [Int: Int] { sequences.mapValues(\.length) }
  /// How many block tables hold each block.
  public var references: [Int: Int] = [:]

  /// An empty cache over `pool`.
  public required init(pool: BlockPool) throws {
    self.pool = pool
  }

  /// Starts `id` and appends its prompt one token at a time.
  public func add(sequence id: Int, prompt: [Int]) throws {
    guard sequences[id] == nil else { throw ServingError.duplicateSequence(id) }
    sequences[id] = ([], 0)
    for token in prompt { try append(token: token, to: id) }
  }

  /// Gives `child` the parent's table (see `share`) and length.
  public func fork(sequence parent: Int, into child: Int) throws {
    guard let shared = sequences[parent] else { throw ServingError.unknownSequence(parent) }
    guard sequences[child] == nil else { throw ServingError.duplicateSequence(child) }
    sequences[child] = (try share(shared.table, length: shared.length), shared.length)
  }

  /// A fork's table for a parent's `table` of `length` tokens: the same blocks, each with one
  /// more reference.
  open func share(_ table: [Int], length: Int) throws -> [Int] {
    for block in table { references[block, default: 0] += 1 }
    return table
  }

  /// Writes `token` at the end of `id`: into a fresh block when the last one is full, into a
  /// private copy of the last block when it is shared.
  public func append(token: Int, to id: Int) throws {
    guard let entry = sequences.index(forKey: id) else { throw ServingError.unknownSequence(id) }
    // Changed where it is stored: a copy taken out would make every new block copy the table.
    try append(token, to: &sequences.values[entry], of: id)
  }

  private func append(_ token: Int, to sequence: inout (table: [Int], length: Int), of id: Int)
    throws
  {
    let slot = sequence.length % pool.blockSize
    if slot == 0 {
      try startBlock(&sequence.table, of: id)
    } else if isShared(sequence.table.last) {
      try copyLastBlock(&sequence.table, slots: slot)
    }
    try pool.write(token, block: sequence.table[sequence.table.count - 1], slot: slot)
    sequence.length += 1
  }

  /// Whether more than one table holds `block`.
  public func isShared(_ block: Int?) -> Bool {
    block.map { references[$0, default: 0] > 1 } ?? false
  }

  /// Appends a fresh block to `table`, the table of sequence `id`.
  open func startBlock(_ table: inout [Int], of id: Int) throws {
    let block = try pool.allocate()
    references[block] = 1
    table.append(block)
  }

  /// Copy on write: replaces the last block of `table` by a private copy of its first `slots`.
  open func copyLastBlock(_ table: inout [Int], slots: Int) throws {
    let copy = try pool.allocate()
    try pool.copy(from: table[table.count - 1], to: copy, slots: slots)
    references[copy] = 1
    try drop(table[table.count - 1])
    table[table.count - 1] = copy
  }

  /// Forgets `id` and gives its table back (see `release`).
  open func finish(sequence id: Int) throws {
    guard let sequence = sequences.removeValue(forKey: id) else {
      throw ServingError.unknownSequence(id)
    }
    try release(sequence.table)
  }

  /// Drops one reference to each block of a finished `table`.
  open func release(_ table: [Int]) throws {
    for block in table { try drop(block) }
  }

  /// `id`'s block table.
  public func blockTable(of id: Int) throws -> [Int] {
    guard let sequence = sequences[id] else { throw ServingError.unknownSequence(id) }
    return sequence.table
  }

  /// One reference fewer to `block`; the pool gets it back with the last one.
  public func drop(_ block: Int) throws {
    guard let count = references[block], count > 1 else {
      references[block] = nil
      return try pool.release(block)
    }
    references[block] = count - 1
  }
}
