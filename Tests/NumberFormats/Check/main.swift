import Harness
import NumberFormatsExercises
import NumberFormatsGraders

Checker.main(NumberFormatsGraders.exercises(integers: IntegerDecoder()))
