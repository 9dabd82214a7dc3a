import Harness
import ServingAndFinetuning

/// Exercise PagedKVCache: a block allocator for the key-value cache, with block tables,
/// reference-counted sharing and copy on write.
///
/// Read Lessons/ServingAndFinetuning.md, section "Paging the cache", then replace each `throw`
/// with your code (keep the pool you are given: every block comes from it).
/// Check your work with `workbook check PagedKVCache`.
/// The contract, with every rule the grader checks:
/// Sources/ServingAndFinetuning/Contracts/PagedKVCache.swift.
public final class PagedCache: PagedKVCache {
  public init(pool: BlockPool) throws {
    throw Unimplemented(lesson: "ServingAndFinetuning", section: "Paging the cache")
  }

  public func add(sequence id: Int, prompt: [Int]) throws {
    throw Unimplemented(lesson: "ServingAndFinetuning", section: "Paging the cache")
  }

  public func fork(sequence parent: Int, into child: Int) throws {
    throw Unimplemented(lesson: "ServingAndFinetuning", section: "Paging the cache")
  }

  public func append(token: Int, to id: Int) throws {
    throw Unimplemented(lesson: "ServingAndFinetuning", section: "Paging the cache")
  }

  public func finish(sequence id: Int) throws {
    throw Unimplemented(lesson: "ServingAndFinetuning", section: "Paging the cache")
  }

  public func blockTable(of id: Int) throws -> [Int] {
    throw Unimplemented(lesson: "ServingAndFinetuning", section: "Paging the cache")
  }
}
