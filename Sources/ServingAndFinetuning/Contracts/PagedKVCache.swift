/// The contract of the PagedKVCache exercise: a paged key-value cache over a `BlockPool`.
///
/// Each live sequence has a block table: the physical block of each of its logical blocks, so
/// token `i` lives in slot `i % blockSize` of block `table[i / blockSize]`. The rules:
/// - `add` allocates ⌈prompt / blockSize⌉ blocks and writes the prompt, nothing more;
/// - `append` writes into the last block while it has room, and allocates a block only when the
///   last one is full (or the sequence is empty): waste is at most one partial block per sequence;
/// - `fork` gives the child the parent's blocks, not copies: each shared block's reference count
///   goes up by one, and nothing is allocated or copied;
/// - appending to a sequence whose last block is partial and shared copies it first (allocate a
///   block, `copy(from:to:slots:)` the filled slots, drop one reference to the old block, put the
///   copy in the table): copy on write. A full shared block is never written, so it is never copied;
/// - `finish` drops one reference to each of the sequence's blocks; a block whose count reaches 0
///   goes back to the pool.
///
/// Unknown ids throw `ServingError.unknownSequence`, ids in use `duplicateSequence`, and a full
/// pool `outOfBlocks` (the pool's own error).
public protocol PagedKVCache: AnyObject {
  /// Creates an empty cache that takes its memory from `pool`.
  init(pool: BlockPool) throws
  /// Starts sequence `id` with the tokens of its prompt.
  func add(sequence id: Int, prompt: [Int]) throws
  /// Starts sequence `child` sharing every block of `parent` (parallel sampling, a common prefix).
  func fork(sequence parent: Int, into child: Int) throws
  /// Appends one generated token to sequence `id`.
  func append(token: Int, to id: Int) throws
  /// Ends sequence `id` and gives back the blocks no other sequence uses.
  func finish(sequence id: Int) throws
  /// The physical blocks of sequence `id`, in logical order.
  func blockTable(of id: Int) throws -> [Int]
}
