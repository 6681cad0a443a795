# Generates the line drawings in this folder (one SVG per built-in exercise slug): python3 make_illustrations.py
# The SVGs are what the app reads (src-main/core/pdf/illustrations.ts); this keeps their geometry editable.
import math, os
OUT=os.path.dirname(os.path.abspath(__file__))+'/'
INK='#1a1a1a'; BLUE='#1f5fa8'; GREY='#8a8a8a'; TOWEL='#c0392b'

# Right foot, medial side view, toes to the right. Segments: ('M',pt) ('L',pt) ('C',c1,c2,pt)
FOOT=[('M',(66,14)),('C',(64,50),(64,78),(62,92)),('C',(58,108),(40,114),(42,130)),('C',(43,138),(50,141),(60,141)),
      ('C',(80,141),(92,124),(118,124)),('C',(138,124),(146,140),(166,141)),('L',(204,141)),
      ('C',(216,141),(218,128),(207,125)),('C',(188,121),(160,112),(130,100)),('C',(118,95),(108,90),(104,80)),('L',(102,14))]
HIGH_ARCH=[('M',(60,141)),('C',(80,140),(92,116),(118,116)),('C',(140,116),(146,140),(166,141))]
FLAT_ARCH=[('M',(60,141)),('C',(80,141),(92,130),(118,130)),('C',(138,130),(146,140),(166,141))]
# ankle bone and toe nail hints
DETAIL=[[('M',(84,70)),('C',(90,66),(96,70),(94,76))], [('M',(200,127)),('C',(204,129),(205,134),(203,136))]]

def tf(seg, f):
    k=seg[0]; return (k,)+tuple(f(p) for p in seg[1:])
def d(segs, f=lambda p:p):
    out=[]
    for s in segs:
        s=tf(s,f)
        out.append(s[0]+' '+' '.join(f'{x:.1f} {y:.1f}' for x,y in s[1:]))
    return ' '.join(out)
def rot(cx,cy,deg):
    a=math.radians(deg)
    return lambda p:(cx+(p[0]-cx)*math.cos(a)-(p[1]-cy)*math.sin(a), cy+(p[0]-cx)*math.sin(a)+(p[1]-cy)*math.cos(a))
def shift(dx,dy,s=1.0,ox=0,oy=0):
    return lambda p:(ox+(p[0]-ox)*s+dx, oy+(p[1]-oy)*s+dy)
def path(dd, stroke=INK, w=2.4, fill='none', dash=None):
    extra=f' stroke-dasharray="{dash}"' if dash else ''
    return f'  <path d="{dd}" fill="{fill}" stroke="{stroke}" stroke-width="{w}"{extra}/>'
def arrow(x1,y1,x2,y2,color=BLUE,w=2.2,head=7):
    a=math.atan2(y2-y1,x2-x1)
    l=(x2-head*math.cos(a-0.45), y2-head*math.sin(a-0.45)); r=(x2-head*math.cos(a+0.45), y2-head*math.sin(a+0.45))
    return [path(f'M {x1:.1f} {y1:.1f} L {x2:.1f} {y2:.1f}',color,w), path(f'M {l[0]:.1f} {l[1]:.1f} L {x2:.1f} {y2:.1f} L {r[0]:.1f} {r[1]:.1f}',color,w)]
FLOOR=path('M 8 142 L 232 142',GREY,1.6)
def svg(name, title, parts):
    body='\n'.join(parts)
    open(OUT+name+'.svg','w').write(f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 240 160" width="240" height="160">\n  <title>{title}</title>\n{body}\n</svg>\n')

def foot(f=lambda p:p, w=2.4, stroke=INK, dash=None):
    return [path(d(FOOT,f),stroke,w,dash=dash)]+[path(d(x,f),stroke,1.4,dash=dash) for x in DETAIL]

# 1 Towel crumpling: towel under the forefoot, gathered in folds behind the toes; arrow pulls it back.
towel=[path('M 150 141 L 150 145 L 236 145 L 236 141 Z',TOWEL,1.4,fill='#f4d6d2'),
       path('M 206 141 C 209 131 215 131 218 141 C 221 132 227 132 230 141',TOWEL,2)]
CURL=FOOT[:6]+[('L',(196,141)),('C',(208,141),(212,134),(208,128)),('C',(200,122),(170,112),(130,100))]+FOOT[-2:]
svg('towel-crumpling','Towel crumpling: the toes pull the towel towards the heel',[FLOOR]+towel+[path(d(CURL),INK,2.4),path(d(DETAIL[0]),INK,1.4)]+arrow(236,120,214,120))

# 2 Short foot: arch lifts (dashed: relaxed), ball of the foot draws towards the heel.
FOOT_SF=FOOT[:4]+[('C',(80,140),(92,116),(118,116)),('C',(140,116),(146,140),(166,141))]+FOOT[6:]
svg('short-foot','Short-foot exercise: the arch lifts while the toes stay long',[FLOOR, path(d(FLAT_ARCH),GREY,1.4,dash='4 3'), path(d(FOOT_SF),INK,2.4)]+[path(d(x),INK,1.4) for x in DETAIL]+arrow(112,138,112,121)+arrow(176,152,140,152))

# 3 Barefoot transition: footprints (top view) walking forward, then a thin flexible shoe.
def print_at(cx,cy,deg,scale=1.0):
    f=lambda p:(cx+(p[0]*math.cos(math.radians(deg))-p[1]*math.sin(math.radians(deg)))*scale, cy+(p[0]*math.sin(math.radians(deg))+p[1]*math.cos(math.radians(deg)))*scale)
    sole=[('M',(0,-26)),('C',(9,-26),(11,-12),(9,-2)),('C',(7,6),(10,14),(7,22)),('C',(5,28),(-5,28),(-7,22)),('C',(-9,14),(-4,6),(-6,-2)),('C',(-9,-12),(-9,-26),(0,-26))]
    parts=[path(d(sole,f),INK,1.8)]
    for (tx,ty,r) in [(-4,-33,3.6),(3,-33,2.6),(7.5,-30,2.2),(10.5,-26,1.9),(12.5,-21,1.6)]:
        c=f((tx,ty)); rr=r*scale
        parts.append(path(f'M {c[0]-rr:.1f} {c[1]:.1f} C {c[0]-rr:.1f} {c[1]-rr*1.33:.1f} {c[0]+rr:.1f} {c[1]-rr*1.33:.1f} {c[0]+rr:.1f} {c[1]:.1f} C {c[0]+rr:.1f} {c[1]+rr*1.33:.1f} {c[0]-rr:.1f} {c[1]+rr*1.33:.1f} {c[0]-rr:.1f} {c[1]:.1f}',INK,1.4))
    return parts
shoe_f=shift(118,8,0.55,0,0)
SHOE=[('M',(60,141)),('L',(204,141)),('C',(218,141),(220,126),(206,122)),('L',(150,108)),('C',(128,104),(110,92),(104,84)),('L',(66,84)),('C',(58,100),(42,112),(44,130)),('C',(45,138),(52,141),(60,141))]
parts=[path('M 8 150 L 116 150',GREY,1.2)]+print_at(30,104,90,0.85)+print_at(76,128,90,0.85)
parts+=arrow(104,112,126,112,BLUE,2)
parts+=[path(d(FOOT,shoe_f),INK,1.6),path(d(SHOE,shoe_f),BLUE,2.2),path('M 150 86 L 236 86',GREY,1.2)]
parts+=[path(d([('M',(70,141)),('L',(200,141))],shoe_f),BLUE,3.2)]
svg('barefoot-transition','Barefoot walking at home first, then thin flexible minimalist shoes',parts)

# 4 Toe yoga: big toe lifted (solid) while the small toes stay down (dashed outline shows them).
TOE_UP=FOOT[:6]+[('L',(184,141)),('C',(194,138),(204,124),(210,110)),('C',(214,101),(206,97),(200,104)),('C',(193,113),(170,111),(130,100))]+FOOT[-2:]
SMALL_TOES=[('M',(166,141)),('L',(200,141)),('C',(210,141),(212,132),(204,130)),('L',(186,126))]
svg('toe-yoga','Toe yoga: the big toe lifts while the small toes stay on the floor',[FLOOR,path(d(SMALL_TOES),GREY,1.6,dash='4 3'),path(d(TOE_UP),INK,2.4),path(d(DETAIL[0]),INK,1.4)]+arrow(224,124,224,96))

# 5 Heel raises: the toes stay flat, the rest of the foot turns about the ball; the leg stays upright.
r=rot(170,141,24)
def P(p): return '%.1f %.1f'%r(p)
heel=r((62,92)); front=r((104,80))
RAISED_D=('M %.1f 8 L %.1f %.1f '%(heel[0],heel[0],heel[1]) + d(FOOT[2:6],r) +
  ' L 204 141 C 216 141 218 128 207 125 C 196 122 190 120 '+P((178,116))+' C '+P((160,112))+' '+P((130,100))+' '+P((118,95))+
  ' C '+P((108,90))+' '+P((104,84))+' '+P((104,80))+' L %.1f 8'%front[0])
svg('heel-raises','Heel raises: rise slowly onto the balls of the feet, arch held up',[FLOOR,path(d(FOOT),GREY,1.3,dash='4 3'),path(RAISED_D,INK,2.4),path(d(DETAIL[0],r),INK,1.4)]+arrow(36,136,36,100))

# 6 Single-leg balance: one foot on the floor, the other lifted behind; sway arcs.
lift=lambda p: shift(20,0)(rot(84,10,60)(shift(0,0,0.62,84,10)(p)))
svg('single-leg-balance','Single-leg balance: stand on one foot, the other lifted, arch gently lifted',[FLOOR,path(d(FOOT,lift),GREY,1.8,dash='4 3')]+foot()+[
    path('M 150 40 C 160 52 160 70 150 82',BLUE,1.8),path('M 162 32 C 176 48 176 74 162 90',BLUE,1.8)])
print('ok')
