#!/usr/bin/python3
"""Makes the .npy fixtures of NpyTest with NumPy itself, the independent truth for the format.

Run from this directory with Debian's Python (which sees python3-numpy):
    /usr/bin/python3 make_fixtures.py
It writes the fixtures and expected.txt, one line per fixture:
    file descr major_version shape(comma-separated, '-' for a scalar) values(repr, C order)...
Fixtures whose name starts with 'bad_' must be rejected by the Java reader.
"""
import numpy as np

fixtures = []


def save(name, a, version=None):
    if version is None:
        np.save(name, a)
    else:
        with open(name, "wb") as f:
            np.lib.format.write_array(f, a, version=version)
    fixtures.append((name, a, version or (1, 0)))


f4 = (np.arange(24, dtype=np.float64) / 3 - 4).astype("<f4").reshape(3, 2, 2, 2)
f4[0, 0, 0, 0] = -0.0
f4[2, 1, 1, 0] = np.float32(1e-45)          # smallest subnormal
f4[2, 1, 1, 1] = np.finfo(np.float32).max
save("f4_3x2x2x2.npy", f4)
save("u1_4x3.npy", np.array([[0, 1, 2], [127, 128, 129], [200, 254, 255], [7, 8, 9]], dtype="|u1"))
save("f8_2x3.npy", np.array([[1 / 3, -1e300, 5e-324], [np.pi, -0.0, 2.0 ** 60]], dtype="<f8"))
save("i8_5.npy", np.array([-2 ** 63, -1, 0, 1, 2 ** 63 - 1], dtype="<i8"))
save("i4_2x2.npy", np.array([[-2 ** 31, -7], [42, 2 ** 31 - 1]], dtype="<i4"))
save("f4_0x2x2.npy", np.zeros((0, 2, 2), dtype="<f4"))
save("f8_scalar.npy", np.array(2.5, dtype="<f8"))
save("i4_3_v2.npy", np.array([10, -20, 30], dtype="<i4"), version=(2, 0))
save("bad_fortran_f8_2x3.npy", np.asfortranarray(np.arange(6, dtype="<f8").reshape(2, 3)))
save("bad_bigendian_f4_3.npy", np.array([1, 2, 3], dtype=">f4"))

with open("expected.txt", "w") as out:
    out.write("# made by make_fixtures.py with NumPy %s\n" % np.__version__)
    for name, a, version in fixtures:
        shape = ",".join(str(d) for d in a.shape) or "-"
        values = " ".join(repr(v.item()) for v in np.ravel(a, order="C"))
        out.write("%s %s %d %s %s\n" % (name, a.dtype.str, version[0], shape, values))
