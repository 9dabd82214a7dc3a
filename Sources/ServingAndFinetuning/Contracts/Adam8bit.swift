/// The contract of the Adam8bit exercise: Adam whose moments live in 8 bits, blockwise.
///
/// `initialState` has step 0, every m code `DynamicMap.signedZeroCode`, every v code
/// `unsignedZeroCode`, and scales 0, one per block of `blockSize` (the last may be shorter).
///
/// `step`, in fp32, for each parameter i of block b:
/// 1. read back m and v from the state (code's map value × block scale);
/// 2. t = step + 1; m = β₁·m + (1 − β₁)·g; v = β₂·v + (1 − β₂)·g²;
/// 3. p = p − lr · (m / (1 − β₁ᵗ)) / (√(v / (1 − β₂ᵗ)) + ε), with these fp32 m and v (not the
///    requantized ones);
/// 4. requantize per block: scale = the block's absmax of the new m (of v); each code is the
///    index of the map value nearest to m / scale (ties to the lower index); a block whose
///    absmax is 0 gets scale 0 and the zero code.
///
/// The optimizer keeps nothing between calls: everything it knows is in the state it is given.
/// Mismatched lengths throw `ServingError.shapeMismatch`, a block size ≤ 0
/// `invalidConfiguration`, a NaN or ±∞ gradient `nonFiniteValue(index:)`.
public protocol Adam8bit {
  /// The state before the first step, for `parameterCount` parameters.
  func initialState(parameterCount: Int, blockSize: Int) throws -> Adam8bitState
  /// One Adam step from `state` with `gradient`.
  func step(
    parameters: [Float], gradient: [Float], state: Adam8bitState, hyper: AdamHyperparameters
  ) throws -> Adam8bitStep
}
