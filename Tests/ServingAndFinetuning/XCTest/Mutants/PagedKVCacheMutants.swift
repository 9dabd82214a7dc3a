#if canImport(ServingAndFinetuningSolutions)
  import ServingAndFinetuning

  /// The mistakes a paged cache mutant can make; each subclass below picks one. The grader gets
  /// a type, not an instance, so the mistake is a property of the type.
  enum PagedMistake {
    /// Fork copies every block instead of sharing it.
    case forkCopies
    /// Writes into a shared partial block without copying it.
    case noCopyOnWrite
    /// Finish releases every block of the sequence, shared or not.
    case finishIgnoresReferences
    /// Finish never releases anything.
    case leaks
    /// Reserves a spare block each time it starts a block.
    case allocatesEarly
    /// Copies the last block on a shared append even when it is full.
    case copiesFullBlocks
  }

  /// A paged cache with the mistake its subclass names.
  class PagedMutant: PagedKVCache {
    class var mistake: PagedMistake { .leaks }
    private let pool: BlockPool
    private var tables: [Int: [Int]] = [:]
    private var lengths: [Int: Int] = [:]
    private var references: [Int: Int] = [:]
    private var spares: [Int: [Int]] = [:]

    required init(pool: BlockPool) throws {
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
      if Self.mistake == .forkCopies {
        var copy: [Int] = []
        let length = lengths[parent] ?? 0
        for (index, block) in table.enumerated() {
          let fresh = try pool.allocate()
          references[fresh] = 1
          try pool.copy(
            from: block, to: fresh, slots: min(pool.blockSize, length - index * pool.blockSize))
          copy.append(fresh)
        }
        tables[child] = copy
      } else {
        for block in table { references[block, default: 0] += 1 }
        tables[child] = table
      }
      lengths[child] = lengths[parent]
    }

    func append(token: Int, to id: Int) throws {
      guard var table = tables[id], let length = lengths[id] else {
        throw ServingError.unknownSequence(id)
      }
      let slot = length % pool.blockSize
      let shared = table.last.map { references[$0, default: 0] > 1 } ?? false
      if slot == 0 {
        if Self.mistake == .copiesFullBlocks && shared, let full = table.last {
          let copy = try pool.allocate()
          try pool.copy(from: full, to: copy, slots: pool.blockSize)
          references[copy] = 1
          try drop(full)
          table[table.count - 1] = copy
        }
        let block = try pool.allocate()
        references[block] = 1
        table.append(block)
        if Self.mistake == .allocatesEarly {
          // Reserves the following block ahead of need, as contiguous schemes do.
          spares[id, default: []].append(try pool.allocate())
        }
      } else if shared && Self.mistake != .noCopyOnWrite {
        let copy = try pool.allocate()
        try pool.copy(from: table[table.count - 1], to: copy, slots: slot)
        references[copy] = 1
        try drop(table[table.count - 1])
        table[table.count - 1] = copy
      }
      try pool.write(token, block: table[table.count - 1], slot: slot)
      tables[id] = table
      lengths[id] = length + 1
    }

    func finish(sequence id: Int) throws {
      guard let table = tables.removeValue(forKey: id) else {
        throw ServingError.unknownSequence(id)
      }
      lengths[id] = nil
      for spare in spares.removeValue(forKey: id) ?? [] { try pool.release(spare) }
      if Self.mistake == .leaks { return }
      for block in table {
        if Self.mistake == .finishIgnoresReferences {
          if pool.isAllocated(block) { try pool.release(block) }
          references[block] = nil
        } else {
          try drop(block)
        }
      }
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

  final class ForkCopies: PagedMutant {
    override class var mistake: PagedMistake { .forkCopies }
  }
  final class NoCopyOnWrite: PagedMutant {
    override class var mistake: PagedMistake { .noCopyOnWrite }
  }
  final class FinishIgnoresReferences: PagedMutant {
    override class var mistake: PagedMistake { .finishIgnoresReferences }
  }
  final class Leaks: PagedMutant {
    override class var mistake: PagedMistake { .leaks }
  }
  final class AllocatesEarly: PagedMutant {
    override class var mistake: PagedMistake { .allocatesEarly }
  }
  final class CopiesFullBlocks: PagedMutant {
    override class var mistake: PagedMistake { .copiesFullBlocks }
  }
#endif
