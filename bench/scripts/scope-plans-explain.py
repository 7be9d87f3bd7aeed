# Issue 15 item 1: EXPLAIN ANALYZE of captured statements (scope-plans-capture.sh), each PREPAREd and run with a custom and a
# generic plan, as the edu user (a department: not all orgs). Usage: scope-plans-explain.py RAWLOG i,j,k > explain.sql
import re, subprocess, sys
def q(sql): return subprocess.run(["psql","-h","127.0.0.1","-p","56100","-U","postgres","-d","jx_plans","-XAtc",sql],capture_output=True,text=True).stdout.strip()
org=q("""select "OrgUnitId" from "Users" where "UserName"='edu'""")
data=q(f"""with recursive d as (select "Id" from "OrgUnits" where "Id"={org} union all select o."Id" from "OrgUnits" o join d on o."ParentId"=d."Id") select string_agg("Id"::text, ',') from d""")
anc=q(f"""with recursive a as (select "Id","ParentId" from "OrgUnits" where "Id"={org} union all select o."Id",o."ParentId" from "OrgUnits" o join a on o."Id"=a."ParentId") select string_agg("Id"::text, ',') from a""")
ids=q(f"""select string_agg("Id"::text, ',') from (select "Id" from "Projects" where "FiscalYear"=2026 and "OrgUnitId" in ({data}) order by "Id" limit 50) x""")
uid=q("""select "Id" from "Users" where "UserName"='edu'""")
vals={'ScopeIsSystem':('boolean','false'),'ScopeAllOrgs':('boolean','false'),'ScopeRegions':('text[]',"'{140423}'"),
 'ScopeDataOrgs':('bigint[]',f"'{{{data}}}'"),'ScopeVisibleOrgs':('bigint[]',f"'{{{data},{anc}}}'"),'ids':('bigint[]',f"'{{{ids}}}'"),
 'year':('int','2026'),'userId':('bigint',uid),'p2':('int','0'),'p':('int','50'),'asOf':('date',"'2026-12-04'"),'ScopeUserId':('bigint',uid),
 'hash':('text',"'x'"),'normalized':('text',"'EDU'")}
def kind(n):
    n=n.replace('ef_filter__','')
    for k in sorted(vals,key=len,reverse=True):
        if re.fullmatch(k+r'\d*',n): return vals[k]
    raise Exception(n)
raw=open(sys.argv[1]).read()
blocks=re.findall(r'Executed DbCommand \((\d+)ms\) \[Parameters=\[(.*?)\], CommandType[^\n]*\n(.*?)(?=\n(?:info|warn|fail|dbug|===)|\Z)', raw, re.S)
out=[]
for i in map(int, sys.argv[2].split(',')):
    ms,params,sql=blocks[i]
    names=re.findall(r'@?(\w+)=', params)
    sql=sql.split('\n\n')[0]
    types=[];args=[]
    for k,n in enumerate(names):
        t,v=kind(n); types.append(t); args.append(v)
        sql=re.sub('@'+n+r'\b', f'${k+1}', sql)
    name=f"s{i}"
    out.append(f"\\echo ==== statement {i}")
    out.append(f"PREPARE {name}({','.join(types)}) AS {sql};" if types else f"PREPARE {name} AS {sql};")
    a=f"({','.join(args)})" if args else ""
    for mode in ['force_custom_plan','force_generic_plan']:
        out.append(f"SET plan_cache_mode={mode};\\echo -- {mode}")
        out.append(f"EXPLAIN (ANALYZE, COSTS OFF, SUMMARY ON) EXECUTE {name}{a};")
        # run a few times for a steadier time
        out.append(f"EXPLAIN (ANALYZE, COSTS OFF, SUMMARY ON) EXECUTE {name}{a};")
print("\n".join(out))
