import Harness
import NumberFormatsExercises
import NumberFormatsGraders

Checker.main(
  NumberFormatsGraders.exercises(
    integers: IntegerDecoder(), decoder: FloatDecoder(), encoder: FloatEncoder(),
    e4m3: E4M3Codec()))
