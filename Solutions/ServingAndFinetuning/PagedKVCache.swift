import Harness
import ServingAndFinetuning

/// Reference solution of PagedKVCache: block tables, reference counts, copy on write.
public final class PagedCache: PagedKVCache {
  private let pool: BlockPool
  private var tables: [Int: [Int]] = [:]
  private var lengths: [Int: Int] = [:]
  /// How many block tables hold each block.
  private var references: [Int: Int] = [:]

  public init(pool: BlockPool) throws {
    self.pool = pool
  }

  public func add(sequence id: Int, prompt: [Int]) throws {
    guard tables[id] == nil else { throw ServingError.duplicateSequence(id) }
    tables[id] = []
    lengths[id] = 0
    for token in prompt { try append(token: token, to: id) }
  }

  public func fork(sequence parent: Int, into child: Int) throws {
    guard let table = tables[parent] else { throw ServingError.unknownSequence(parent) }
    guard tables[child] == nil else { throw ServingError.duplicateSequence(child) }
    // Share, do not copy: one more reference to each block.
    for block in table { references[block, default: 0] += 1 }
    tables[child] = table
    lengths[child] = lengths[parent]
  }

  public func append(token: Int, to id: Int) throws {
    guard var table = tables[id], let length = lengths[id] else {
      throw ServingError.unknownSequence(id)
    }
    let slot = length % pool.blockSize
    if slot == 0 {
      // The last block is full (or there is none): start a new one.
      let block = try pool.allocate()
      references[block] = 1
      table.append(block)
    } else if let last = table.last, references[last, default: 0] > 1 {
      // The last block is partial and shared: copy it before writing into it.
      let copy = try pool.allocate()
      try pool.copy(from: last, to: copy, slots: slot)
      references[copy] = 1
      try dropReference(last)
      table[table.count - 1] = copy
    }
    try pool.write(token, block: table[table.count - 1], slot: slot)
    tables[id] = table
    lengths[id] = length + 1
  }

  public func finish(sequence id: Int) throws {
    guard let table = tables.removeValue(forKey: id) else { throw ServingError.unknownSequence(id) }
    lengths[id] = nil
    for block in table { try dropReference(block) }
  }

  public func blockTable(of id: Int) throws -> [Int] {
    guard let table = tables[id] else { throw ServingError.unknownSequence(id) }
    return table
  }

  private func dropReference(_ block: Int) throws {
    let count = references[block, default: 0] - 1
    if count <= 0 {
      references[block] = nil
      try pool.release(block)
    } else {
      references[block] = count
    }
  }
}
