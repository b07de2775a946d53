"""A rich workbook as openpyxl writes it, for the hostile corpus (test/xlsx/hostile.test.ts).

usage: /usr/bin/python3 scripts/hostile/rich_openpyxl.py SAMPLE.xlsx OUT.xlsx

Starts from the assessment sample and adds what the exceljs round trip used to lose: a comment, a bar
chart, a table, images (a PNG drawn here with Debian's python3-pil: one beside the chart, one on 便民化考核,
a sheet whose cells the product writes), defined names (a constant, a formula, a whole column, an OFFSET, a
sheet-local one), sheet protection, a formula without a cached value, custom document properties and the
1904 date system.
"""
import io
import sys
import zipfile

import openpyxl
from openpyxl.chart import BarChart, Reference
from openpyxl.comments import Comment
from openpyxl.drawing.image import Image
from openpyxl.utils.datetime import CALENDAR_MAC_1904
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.table import Table, TableStyleInfo

source, target = sys.argv[1], sys.argv[2]
wb = openpyxl.load_workbook(source)
wb.epoch = CALENDAR_MAC_1904

wb["承办单位"]["A1"].comment = Comment("单位名单以附件1为准", "考核办")

user = wb.create_sheet("用户表")
user.append(["单位", "一季度", "二季度", "合计"])
for i, name in enumerate(["汉滨区", "汉阴县", "石泉县"]):
    user.append([name, 10 + i, 20 + i, f"=SUM(B{i + 2}:C{i + 2})"])
table = Table(displayName="季度表", ref="A1:D4")
table.tableStyleInfo = TableStyleInfo(name="TableStyleMedium9", showRowStripes=True)
user.add_table(table)
user.protection.sheet = True
user.protection.password = "abc"

chart = BarChart()
chart.title = "季度合计"
chart.add_data(Reference(user, min_col=4, min_row=1, max_row=4), titles_from_data=True)
chart.set_categories(Reference(user, min_col=1, min_row=2, max_row=4))
user.add_chart(chart, "F2")


def png(size, colour):
    """A small real PNG: a square of `colour` with a white diagonal."""
    from PIL import Image as Picture

    picture = Picture.new("RGB", (size, size), colour)
    for i in range(size):
        picture.putpixel((i, i), (255, 255, 255))
    data = io.BytesIO()
    picture.save(data, format="PNG")
    data.seek(0)
    return data


user.add_image(Image(png(24, (200, 30, 30))), "F20")
wb["便民化考核"].add_image(Image(png(16, (30, 90, 200))), "A45")

local_index = wb.sheetnames.index("用户表")
wb.defined_names.append(DefinedName("税率", attr_text="0.06"))
wb.defined_names.append(DefinedName("合计两倍", attr_text="SUM(用户表!$D$2:$D$4)*2"))
wb.defined_names.append(DefinedName("全部单位", attr_text="承办单位!$A:$A"))
wb.defined_names.append(DefinedName("动态区域", attr_text="OFFSET(用户表!$A$1,0,0,COUNTA(用户表!$A:$A),4)"))
wb.defined_names.append(DefinedName("本表合计", attr_text="用户表!$D$2:$D$4", localSheetId=local_index))
wb.save(target)

# Custom document properties (openpyxl 3.0 has no API for them): a part, its relationship, its type.
CUSTOM = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" '
    'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
    '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="考核年度"><vt:lpwstr>2021</vt:lpwstr></property>'
    "</Properties>"
)
with zipfile.ZipFile(target) as z:
    parts = [(info, z.read(info.filename)) for info in z.infolist()]
with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as z:
    for info, data in parts:
        if info.filename == "[Content_Types].xml":
            data = data.replace(
                b"</Types>",
                b'<Override PartName="/docProps/custom.xml" '
                b'ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/></Types>',
            )
        if info.filename == "_rels/.rels":
            data = data.replace(
                b"</Relationships>",
                b'<Relationship Id="rIdCustom" '
                b'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties" '
                b'Target="docProps/custom.xml"/></Relationships>',
            )
        z.writestr(info, data)
    z.writestr("docProps/custom.xml", CUSTOM)
