#!/usr/bin/env python3
"""Writes a payments import file (UTF-8 CSV in the documented layout) with N rows spread over the
projects of one region-year, read from the database the app uses. Usage:
  make-payments-csv.py --sqlite PATH | --pg CONNINFO  --region 140423 --year 2026 --rows 100000 --out FILE"""
import argparse, csv, random, subprocess, sqlite3, datetime

p = argparse.ArgumentParser()
p.add_argument('--sqlite'); p.add_argument('--pg'); p.add_argument('--region', required=True)
p.add_argument('--year', type=int, required=True); p.add_argument('--rows', type=int, default=100000)
p.add_argument('--out', required=True); p.add_argument('--seed', type=int, default=7)
a = p.parse_args()
sql = f"""SELECT "Code", "EstablishedOn" FROM "Projects" WHERE "RegionCode" = '{a.region}' AND "FiscalYear" = {a.year} AND NOT "IsPool" """
if a.sqlite:
    rows = sqlite3.connect(a.sqlite).execute(sql.replace('NOT "IsPool"', '"IsPool" = 0')).fetchall()
else:
    out = subprocess.run(['psql', a.pg, '-At', '-F', ',', '-c', sql], check=True, capture_output=True, text=True).stdout
    rows = [tuple(line.split(',')) for line in out.splitlines() if line]
rnd = random.Random(a.seed)
start = datetime.date(a.year, 1, 1)
# payments are facts: none after today (nor after 30 November)
end = min(datetime.date(a.year, 11, 30), datetime.date.today())
with open(a.out, 'w', newline='', encoding='utf-8') as f:
    w = csv.writer(f)
    w.writerow(['支付凭证号', '支付日期', '项目代码', '支付金额（元）', '摘要'])
    for i in range(a.rows):
        code, established = rows[rnd.randrange(len(rows))]
        first = max(start, datetime.date.fromisoformat(str(established)[:10]))
        day = first + datetime.timedelta(days=rnd.randrange(max(1, (end - first).days)))
        w.writerow([f'BENCH{a.year}{i:08d}', day.isoformat(), code, f'{rnd.randrange(100, 500000) / 100:.2f}', '压测支付'])
print(f'wrote {a.rows} rows over {len(rows)} projects to {a.out}')
