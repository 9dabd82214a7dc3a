// Reference code: it computes exercises' answers, for the figures, pictures and tools.
// Solve the exercises before you read it; contracts and harness types are one folder up.

/// The kit's own paged cache, behind the lesson's waste figures and the block-table picture.
final class ReferencePagedCache: PagedKVCache {
  private let pool: BlockPool
  private(set) var tables: [Int: [Int]] = [:]
  private(set) var lengths: [Int: Int] = [:]
  private(set) var references: [Int: Int] = [:]

  init(pool: BlockPool) throws {
    self.pool = pool
  }

  func add(sequence id: Int, prompt: [Int]) throws {
    guard tables[id] == nil else { throw ServingError.duplicateSequence(id) }
    tables[id] = []
    lengths[id] = 0
    for token in prompt { try append(token: token, to: id) }
  }

  func fork(sequence parent: Int, into child: Int) throws {
    guard let table = tables[parent] else { throw ServingError.unknownSequence(parent) }
    guard tables[child] == nil else { throw ServingError.duplicateSequence(child) }
    for block in table { references[block, default: 0] += 1 }
    tables[child] = table
    lengths[child] = lengths[parent]
  }

  func append(token: Int, to id: Int) throws {
    guard var table = tables[id], let length = lengths[id] else {
      throw ServingError.unknownSequence(id)
    }
    let slot = length % pool.blockSize
    if slot == 0 {
      let block = try pool.allocate()
      references[block] = 1
      table.append(block)
    } else if let last = table.last, references[last, default: 0] > 1 {
      let copy = try pool.allocate()
      try pool.copy(from: last, to: copy, slots: slot)
      references[copy] = 1
      try drop(last)
      table[table.count - 1] = copy
    }
    try pool.write(token, block: table[table.count - 1], slot: slot)
    tables[id] = table
    lengths[id] = length + 1
  }

  func finish(sequence id: Int) throws {
    guard let table = tables.removeValue(forKey: id) else { throw ServingError.unknownSequence(id) }
    lengths[id] = nil
    for block in table { try drop(block) }
  }

  func blockTable(of id: Int) throws -> [Int] {
    guard let table = tables[id] else { throw ServingError.unknownSequence(id) }
    return table
  }

  private func drop(_ block: Int) throws {
    let count = references[block, default: 0] - 1
    if count <= 0 {
      references[block] = nil
      try pool.release(block)
    } else {
      references[block] = count
    }
  }
}
