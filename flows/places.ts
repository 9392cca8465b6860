// Where callers say they are: place names (Chinese and English) with their coordinates (approximate
// centres, WGS84) and region, so a dispatch can find the nearest provider. More specific names win
// (世纪大道 over 浦东). Regions are those of flows/routing.ts's regionsByPrefix.
import type { Place } from '../functions/domain/dispatch/directory.js';

export const places: readonly Place[] = [
  { names: ['上海', 'shanghai'], lat: 31.2304, lon: 121.4737, region: 'east-china' },
  { names: ['浦东', 'pudong'], lat: 31.2215, lon: 121.5447, region: 'east-china' },
  { names: ['陆家嘴', 'lujiazui'], lat: 31.2397, lon: 121.4998, region: 'east-china' },
  { names: ['世纪大道', 'century avenue'], lat: 31.2296, lon: 121.5246, region: 'east-china' },
  { names: ['张江', 'zhangjiang'], lat: 31.2035, lon: 121.5906, region: 'east-china' },
  { names: ['浦东机场', 'pudong airport'], lat: 31.1443, lon: 121.8083, region: 'east-china' },
  { names: ['黄浦', 'huangpu', '外滩', 'the bund'], lat: 31.2317, lon: 121.4846, region: 'east-china' },
  { names: ['静安', "jing'an", 'jingan'], lat: 31.2286, lon: 121.448, region: 'east-china' },
  { names: ['徐汇', 'xuhui'], lat: 31.1884, lon: 121.4365, region: 'east-china' },
  { names: ['虹桥', 'hongqiao'], lat: 31.194, lon: 121.32, region: 'east-china' },
  { names: ['闵行', 'minhang'], lat: 31.1128, lon: 121.3817, region: 'east-china' },
  { names: ['嘉定', 'jiading'], lat: 31.3834, lon: 121.2507, region: 'east-china' },
  { names: ['宝山', 'baoshan'], lat: 31.4045, lon: 121.4896, region: 'east-china' },
  { names: ['松江', 'songjiang'], lat: 31.0322, lon: 121.2277, region: 'east-china' },
  { names: ['杭州', 'hangzhou'], lat: 30.2741, lon: 120.1551, region: 'east-china' },
  { names: ['南京', 'nanjing'], lat: 32.0603, lon: 118.7969, region: 'east-china' },
  { names: ['北京', 'beijing'], lat: 39.9042, lon: 116.4074, region: 'north-china' },
  { names: ['朝阳', 'chaoyang'], lat: 39.9215, lon: 116.4431, region: 'north-china' },
  { names: ['海淀', 'haidian'], lat: 39.9593, lon: 116.2981, region: 'north-china' },
  { names: ['天津', 'tianjin'], lat: 39.3434, lon: 117.3616, region: 'north-china' },
  { names: ['广州', 'guangzhou'], lat: 23.1291, lon: 113.2644, region: 'south-china' },
  { names: ['天河', 'tianhe'], lat: 23.1249, lon: 113.3612, region: 'south-china' },
  { names: ['深圳', 'shenzhen'], lat: 22.5431, lon: 114.0579, region: 'south-china' },
  { names: ['南山', 'nanshan'], lat: 22.5329, lon: 113.9305, region: 'south-china' },
  { names: ['成都', 'chengdu'], lat: 30.5728, lon: 104.0668, region: 'west-china' },
  { names: ['重庆', 'chongqing'], lat: 29.563, lon: 106.5516, region: 'west-china' },
];
