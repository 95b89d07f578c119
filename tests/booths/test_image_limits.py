"""A logo or banner is judged by its size in pixels before it is decoded: a small file
that claims a huge picture (a decompression bomb) gets a clear form error, not a 500."""

import io
import struct
import zlib

import pytest
from PIL import Image

from careerexpo.extensions import db


def png_claiming(width: int, height: int) -> bytes:
    """A real 8×8 PNG whose header says ``width`` × ``height``."""
    out = io.BytesIO()
    Image.new("L", (8, 8), 200).save(out, "PNG")
    data = bytearray(out.getvalue())
    # Bytes 8-33: the IHDR chunk (length, type, width, height, 5 bytes, CRC).
    data[16:24] = struct.pack(">II", width, height)
    data[29:33] = struct.pack(">I", zlib.crc32(bytes(data[12:29])))
    return bytes(data)


def edit_booth_with_logo(client, auth, make, logo: bytes):
    employer = make.employer()
    expo = make.expo(companies=[employer.company])
    booth = expo.booths.first()
    auth.login(employer)
    response = client.post(f"/expos/{expo.slug}/booths/{booth.id}/edit",
                           data={"logo": (io.BytesIO(logo), "logo.png")},
                           content_type="multipart/form-data")
    db.session.refresh(booth)
    return response, booth


@pytest.mark.parametrize("width, height", [(20_000, 20_000), (12_000, 12_000), (5_000, 10)])
def test_pictures_larger_than_a_logo_are_refused_with_a_reason(client, auth, make, width,
                                                               height):
    response, booth = edit_booth_with_logo(client, auth, make, png_claiming(width, height))

    assert response.status_code == 200
    assert "at most 4,096 pixels wide and high" in response.get_data(as_text=True)
    assert booth.logo_name is None


def test_a_logo_of_a_sensible_size_is_kept(client, auth, make):
    out = io.BytesIO()
    Image.new("RGB", (600, 200), "navy").save(out, "PNG")

    response, booth = edit_booth_with_logo(client, auth, make, out.getvalue())

    assert response.status_code == 302 and booth.logo_name
