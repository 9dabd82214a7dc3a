#if canImport(ServingAndFinetuningSolutions)
  @_spi(Reference) import ServingAndFinetuning

  // PagedKVCache mutants: the kit's reference cache with one of its steps done wrong. The grader
  // gets a type, not an instance, so each mistake is a subclass.

  /// Fork copies every block instead of sharing it.
  final class ForkCopies: ReferencePagedCache {
    override func share(_ table: [Int], length: Int) throws -> [Int] {
      var copy: [Int] = []
      for (index, block) in table.enumerated() {
        let fresh = try pool.allocate()
        references[fresh] = 1
        try pool.copy(
          from: block, to: fresh, slots: min(pool.blockSize, length - index * pool.blockSize))
        copy.append(fresh)
      }
      return copy
    }
  }

  /// Writes into a shared partial block without copying it.
  final class NoCopyOnWrite: ReferencePagedCache {
    override func copyLastBlock(_ table: inout [Int], slots: Int) throws {}
  }

  /// Finish releases every block of the sequence, shared or not.
  final class FinishIgnoresReferences: ReferencePagedCache {
    override func release(_ table: [Int]) throws {
      for block in table {
        if pool.isAllocated(block) { try pool.release(block) }
        references[block] = nil
      }
    }
  }

  /// Finish never releases anything.
  final class Leaks: ReferencePagedCache {
    override func release(_ table: [Int]) throws {}
  }

  /// Reserves the following block ahead of need each time it starts one, as contiguous schemes
  /// do; the reserve goes back when the sequence finishes.
  final class AllocatesEarly: ReferencePagedCache {
    private var spares: [Int: [Int]] = [:]

    override func startBlock(_ table: inout [Int], of id: Int) throws {
      try super.startBlock(&table, of: id)
      spares[id, default: []].append(try pool.allocate())
    }

    override func finish(sequence id: Int) throws {
      for spare in spares.removeValue(forKey: id) ?? [] { try pool.release(spare) }
      try super.finish(sequence: id)
    }
  }

  /// Copies the last block on a shared append even when it is full.
  final class CopiesFullBlocks: ReferencePagedCache {
    override func startBlock(_ table: inout [Int], of id: Int) throws {
      if isShared(table.last) { try copyLastBlock(&table, slots: pool.blockSize) }
      try super.startBlock(&table, of: id)
    }
  }
#endif
